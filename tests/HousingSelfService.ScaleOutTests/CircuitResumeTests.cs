using HousingSelfService.ScaleOutTests.Infrastructure;
using HousingSelfService.Web.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace HousingSelfService.ScaleOutTests;

/// <summary>
/// Debian's Chromium through nginx: a resident's paused circuit resumes on another instance after theirs is gone.
/// A paused circuit's state travels with the browser, protected with the data-protection keys every instance shares;
/// without shared keys the other instance could not read it.
/// </summary>
[Collection(ScaleOutCollectionDefinition.Name)]
public sealed class CircuitResumeTests(ScaleOutFixture servers)
{
    private const string ChromiumPath = "/usr/bin/chromium";

    [Fact]
    public async Task A_paused_circuit_resumes_on_the_other_instance_after_its_own_instance_is_stopped()
    {
        servers.SkipUnlessRunning();
        Assert.SkipUnless(File.Exists(ChromiumPath), $"This test drives Debian's Chromium at {ChromiumPath}: sudo apt-get install chromium");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = servers.ProxyAddress.ToString() });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email address").FillAsync("credit@demo.housing.test");
        await page.GetByLabel("Password").FillAsync(DemoSignIns.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = new("^Hello, ") });
        await heading.WaitForAsync();
        var greeting = await heading.TextContentAsync();
        var home = await page.ReloadAsync();
        var upstream = home!.Headers["x-upstream"];
        var own = servers.Instances.Single(instance => instance.Upstream == upstream);

        (await RetryAsync(page, "Blazor.pauseCircuit()")).ShouldBeTrue("the interactive circuit pauses");
        try
        {
            await own.StopAsync();

            (await RetryAsync(page, "Blazor.resumeCircuit()")).ShouldBeTrue("another instance resumes the circuit");
            (await heading.TextContentAsync()).ShouldBe(greeting);
            (await page.Locator("#blazor-error-ui").IsVisibleAsync()).ShouldBeFalse();
        }
        finally
        {
            await own.StartAsync();
        }
    }

    /// <summary>The circuit may still be connecting: a call that answers false is tried again for a few seconds.</summary>
    private static async Task<bool> RetryAsync(IPage page, string call)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (await page.EvaluateAsync<bool>($"async () => await {call}"))
            {
                return true;
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        return false;
    }
}
