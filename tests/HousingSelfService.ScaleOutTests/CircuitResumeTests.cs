using System.Globalization;
using HousingSelfService.ScaleOutTests.Infrastructure;
using HousingSelfService.Web.Infrastructure;
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
    private const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// A paused circuit's state travels with the browser, protected with the data-protection keys every instance
    /// shares; without shared keys the other instance could not read it.
    /// </summary>
    [Fact]
    public async Task A_paused_circuit_resumes_on_the_other_instance_after_its_own_instance_is_stopped()
    {
        await using var session = await SignInAsync();
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
        await using var session = await SignInAsync();
        var before = await RedisEntriesAsync();
        try
        {
            await servers.StopProxyAsync();

            var after = before;
            for (var wait = 0; wait < 80 && after <= before; wait++)
            {
                await Task.Delay(250, TestContext.Current.CancellationToken);
                after = await RedisEntriesAsync();
            }

            after.ShouldBeGreaterThan(before, "the evicted circuit's state is in Redis");
        }
        finally
        {
            await servers.StartProxyAsync();
        }
    }

    private async Task<long> RedisEntriesAsync() =>
        long.Parse((await RedisClient.CommandAsync(servers.RedisConfiguration, "DBSIZE")).TrimStart(':'), CultureInfo.InvariantCulture);

    /// <summary>A fresh browser signed in through the proxy, on the home page with its circuit connected.</summary>
    private async Task<BrowserSession> SignInAsync()
    {
        servers.SkipUnlessRunning();
        Assert.SkipUnless(File.Exists(ChromiumPath), $"These tests drive Debian's Chromium at {ChromiumPath}: sudo apt-get install chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = servers.ProxyAddress.ToString() });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email address").FillAsync("credit@demo.housing.test");
        await page.GetByLabel("Password").FillAsync(DemoSignIns.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = new("^Hello, ") });
        await heading.WaitForAsync();
        IResponse? home = null;
        await page.RunAndWaitForWebSocketAsync(async () => home = await page.ReloadAsync());
        await heading.WaitForAsync();
        return new BrowserSession(playwright, browser, page, heading, home!.Headers["x-upstream"]);
    }

    /// <summary>The circuit may still be connecting: a call that answers false is tried again for a few seconds.</summary>
    private static async Task<bool> RetryAsync(IPage page, string call)
    {
        // Up to 30 s: nginx only learns an instance is gone when a request to it fails, and CI runs the other test
        // projects at the same time on two cores, so the surviving instance can be slow to answer.
        for (var attempt = 0; attempt < 60; attempt++)
        {
            if (await page.EvaluateAsync<bool>($"async () => await {call}"))
            {
                return true;
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        return false;
    }

    private sealed record BrowserSession(IPlaywright Playwright, IBrowser Browser, IPage Page, ILocator Heading, string Upstream) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Browser.DisposeAsync();
            Playwright.Dispose();
        }
    }
}
