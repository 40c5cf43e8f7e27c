using HousingSelfService.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace HousingSelfService.EndToEnd.Infrastructure;

/// <summary>
/// The whole app on a real Kestrel port, with the reference council API in-process, and Debian's Chromium driven by
/// Playwright. Playwright never downloads a browser here: it launches /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public HousingAppFactory App { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests drive Debian's Chromium at {ChromiumPath}. Install it with: sudo apt-get install chromium");
        }

        BaseAddress = App.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without these, Chromium tries to reach Google's services, which this network refuses.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies) at the given viewport.</summary>
    public async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = width < 600,
            HasTouch = width < 600,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollectionDefinition : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
