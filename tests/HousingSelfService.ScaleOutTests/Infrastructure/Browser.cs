using Microsoft.Playwright;
using Xunit;

namespace HousingSelfService.ScaleOutTests.Infrastructure;

/// <summary>Debian's Chromium, with a fresh browser context (its own cookies, so its own affinity) per resident.</summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly ScaleOutFixture _servers;

    private Browser(IPlaywright playwright, IBrowser browser, ScaleOutFixture servers)
    {
        _playwright = playwright;
        _browser = browser;
        _servers = servers;
    }

    /// <summary>Starts Chromium; skips the calling test when the servers or Chromium are not installed.</summary>
    public static async Task<Browser> LaunchAsync(ScaleOutFixture servers)
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
        return new Browser(playwright, browser, servers);
    }

    /// <summary>
    /// A resident signed in through the proxy, on the home page with its circuit connected. With
    /// <paramref name="upstream"/>, new contexts are tried until nginx's affinity cookie picks that instance.
    /// </summary>
    public async Task<Resident> SignInAsync(string email, string? upstream = null)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _servers.ProxyAddress.ToString() });
        for (var attempt = 0; upstream is not null && attempt < 40; attempt++)
        {
            var probe = await context.APIRequest.GetAsync("health/live");
            if (probe.Headers.GetValueOrDefault("x-upstream") == upstream)
            {
                break;
            }

            await context.CloseAsync();
            context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _servers.ProxyAddress.ToString() });
        }

        // Generous: CI runs the other test projects on the same two cores.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Web.Infrastructure.DemoSignIns.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = new("^Hello, ") });
        await heading.WaitForAsync();
        IResponse? home = null;
        await page.RunAndWaitForWebSocketAsync(async () => home = await page.ReloadAsync());
        await heading.WaitForAsync();
        return new Resident(page, heading, home!.Headers["x-upstream"]);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>A signed-in resident's page; <see cref="Upstream"/> is the instance that served their home page.</summary>
public sealed record Resident(IPage Page, ILocator Heading, string Upstream);
