using System.Globalization;
using HousingSelfService.ScaleOutTests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace HousingSelfService.ScaleOutTests;

/// <summary>
/// Debian's Chromium through nginx, signed in as a resident on the interactive home page, to show where a circuit's
/// state goes when its connection or its instance goes away.
/// </summary>
[Collection(ScaleOutCollectionDefinition.Name)]
public sealed class CircuitResumeTests(ScaleOutFixture servers)
{
    private const string Resident = "credit@demo.housing.test";

    /// <summary>
    /// A paused circuit's state travels with the browser, protected with the data-protection keys every instance
    /// shares; without shared keys the other instance could not read it.
    /// </summary>
    [Fact]
    public async Task A_paused_circuit_resumes_on_the_other_instance_after_its_own_instance_is_stopped()
    {
        await using var browser = await Browser.LaunchAsync(servers);
        var session = await browser.SignInAsync(Resident);
        var greeting = await session.Heading.TextContentAsync();
        var own = servers.Instances.Single(instance => instance.Upstream == session.Upstream);

        (await RetryAsync(session.Page, "Blazor.pauseCircuit()")).ShouldBeTrue("the interactive circuit pauses");
        try
        {
            await own.StopAsync();

            (await RetryAsync(session.Page, "Blazor.resumeCircuit()")).ShouldBeTrue("another instance resumes the circuit");
            (await session.Heading.TextContentAsync()).ShouldBe(greeting);
            (await session.Page.Locator("#blazor-error-ui").IsVisibleAsync()).ShouldBeFalse();
        }
        finally
        {
            await own.StartAsync();
        }
    }

    /// <summary>When the connection drops and the instance lets the circuit go, its state is written to Redis.</summary>
    [Fact]
    public async Task A_dropped_circuit_is_written_to_redis_when_its_instance_lets_it_go()
    {
        await using var browser = await Browser.LaunchAsync(servers);
        await browser.SignInAsync(Resident);
        var before = await SettledRedisEntriesAsync();
        try
        {
            await servers.StopProxyAsync();

            (await WaitForMoreRedisEntriesAsync(before)).ShouldBeTrue("the evicted circuit's state is in Redis");
        }
        finally
        {
            await servers.StartProxyAsync();
        }
    }

    /// <summary>
    /// The state must come from Redis: the browser did not pause (it holds no state), and the instance that held the
    /// circuit is stopped after it wrote the state to Redis on eviction. A circuit still connected when its instance
    /// is killed is never written anywhere (see README "Running at scale").
    /// </summary>
    [Fact]
    public async Task A_dropped_circuit_resumes_from_redis_on_the_other_instance_after_its_own_instance_is_stopped()
    {
        await using var browser = await Browser.LaunchAsync(servers);
        var session = await browser.SignInAsync(Resident);
        var greeting = await session.Heading.TextContentAsync();
        var own = servers.Instances.Single(instance => instance.Upstream == session.Upstream);
        // A page reload would lose this; a resumed circuit keeps the same page.
        await session.Page.EvaluateAsync("() => window.sameDocument = true");
        // Other tests' closed browsers' circuits are written when they are evicted, 2 s after: let those land first.
        var before = await SettledRedisEntriesAsync();
        try
        {
            await servers.StopProxyAsync();
            (await WaitForMoreRedisEntriesAsync(before)).ShouldBeTrue("the evicted circuit's state is in Redis");
            (await WaitUntilAsync(() => ReconnectModalOpenAsync(session.Page))).ShouldBeTrue("the browser knows its connection is gone");
            await own.StopAsync();
            await servers.StartProxyAsync();

            // The client keeps trying to reconnect; reaching the other instance, which does not know the circuit, it
            // resumes it from the persisted state. Should its attempts be used up by then, resume it as the modal's
            // "Resume" button would.
            if (!await WaitUntilAsync(async () => !await ReconnectModalOpenAsync(session.Page)))
            {
                (await RetryAsync(session.Page, "Blazor.resumeCircuit()")).ShouldBeTrue("the other instance resumes the circuit from Redis");
            }

            (await session.Page.EvaluateAsync<bool>("() => window.sameDocument === true")).ShouldBeTrue("the page was not reloaded");
            (await session.Heading.TextContentAsync()).ShouldBe(greeting);
            (await session.Page.Locator("#blazor-error-ui").IsVisibleAsync()).ShouldBeFalse();
        }
        finally
        {
            await servers.StartProxyAsync();
            await own.StartAsync();
        }
    }

    /// <summary>Polls Redis for up to 30 s until it holds more entries than <paramref name="before"/>.</summary>
    private async Task<bool> WaitForMoreRedisEntriesAsync(long before) => await WaitUntilAsync(async () => await RedisEntriesAsync() > before);

    /// <summary>The number of Redis entries once it has not changed for 3 s (at most 30 s).</summary>
    private async Task<long> SettledRedisEntriesAsync()
    {
        var (entries, unchangedSince) = (await RedisEntriesAsync(), DateTime.UtcNow);
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline && DateTime.UtcNow - unchangedSince < TimeSpan.FromSeconds(3);)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
            var now = await RedisEntriesAsync();
            if (now != entries)
            {
                (entries, unchangedSince) = (now, DateTime.UtcNow);
            }
        }

        return entries;
    }

    /// <summary>Polls every 250 ms for up to 30 s (CI shares two cores between test projects); never a fixed sleep.</summary>
    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline;)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        return false;
    }

    private static Task<bool> ReconnectModalOpenAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.getElementById('components-reconnect-modal')?.open === true");

    private async Task<long> RedisEntriesAsync() =>
        long.Parse((await RedisClient.CommandAsync(servers.RedisConfiguration, "DBSIZE")).TrimStart(':'), CultureInfo.InvariantCulture);

    /// <summary>The circuit may still be connecting: a call that answers false is tried again for up to a minute.</summary>
    private static async Task<bool> RetryAsync(IPage page, string call)
    {
        // Up to 60 s: nginx only learns an instance is gone when a request to it fails, and CI runs the other test
        // projects at the same time on two cores, so the surviving instance can be slow to answer (30 s was not
        // always enough with five engineers' builds on the same two cores).
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if (await page.EvaluateAsync<bool>($"async () => await {call}"))
                {
                    return true;
                }
            }
            catch (PlaywrightException exception) when (exception.Message.Contains("negotiation", StringComparison.Ordinal))
            {
                // "Failed to complete negotiation with the server: 502": nginx had just marked the stopped instance
                // down and briefly had no upstream to offer; the next try reaches the one still running.
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        return false;
    }
}
