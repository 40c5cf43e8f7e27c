using Microsoft.Playwright;

namespace HousingSelfService.Benchmarks.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright .NET (never a downloaded browser).</summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Without these, Chromium tries to reach Google's services, which this network refuses.</summary>
    public static readonly string[] SafeFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"The benchmarks drive Debian's Chromium at {ExecutablePath}: sudo apt-get install chromium");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = [.. SafeFlags.Where(flag => flag != "--headless"), "--disable-dev-shm-usage"],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>A fresh context (empty cache) at a phone's viewport, signed in when a resident is given.</summary>
    public async Task<IBrowserContext> NewPhoneContextAsync(Uri app, SignedInResident? resident)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000);
        if (resident is not null)
        {
            await context.AddCookiesAsync(resident.Cookies.Select(c => new Cookie
            {
                Name = c.Name,
                Value = c.Value,
                Domain = app.Host,
                Path = string.IsNullOrEmpty(c.Path) ? "/" : c.Path,
                HttpOnly = c.HttpOnly,
                Secure = c.Secure,
                SameSite = SameSiteAttribute.Lax,
            }));
        }

        return context;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
