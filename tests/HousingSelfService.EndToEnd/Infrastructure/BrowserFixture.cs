using HousingSelfService.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;

namespace HousingSelfService.EndToEnd.Infrastructure;

/// <summary>
/// The whole app on a real Kestrel port, with the reference council API in-process, and Debian's Chromium driven by
/// Playwright. Playwright never downloads a browser here: it launches /usr/bin/chromium.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _signedInStates = new();

    private IPlaywright? _playwright;

    public BrowserFixture() : this(new HousingAppFactory())
    {
    }

    /// <summary>For a fixture whose app runs with other settings.</summary>
    protected BrowserFixture(HousingAppFactory app) => App = app;

    public HousingAppFactory App { get; }

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

    /// <summary>
    /// How long a step waits for what it expects (a heading, a message). Not a performance limit: CI runs three test
    /// projects at once on two cores, and a page step there has taken over 15 s.
    /// </summary>
    private const float StepTimeoutMs = 30_000;

    /// <summary>A fresh browser context (own cookies) at the given viewport.</summary>
    public async Task<IPage> NewPageAsync(int width, int height)
    {
        var context = await Browser.NewContextAsync(ContextOptions(width, height, storageState: null));
        context.SetDefaultTimeout(StepTimeoutMs);
        return await context.NewPageAsync();
    }

    private BrowserNewContextOptions ContextOptions(int width, int height, string? storageState) => new()
    {
        BaseURL = BaseAddress.ToString(),
        ViewportSize = new ViewportSize { Width = width, Height = height },
        IsMobile = width < 600,
        HasTouch = width < 600,
        Locale = "en-GB",
        TimezoneId = "Europe/London",
        StorageState = storageState,
    };

    /// <summary>
    /// A fresh context at the given viewport, already signed in as a demo user. The first call per user signs in
    /// through the real sign-in form; later calls reuse that session's cookies.
    /// </summary>
    public async Task<IPage> NewSignedInPageAsync(string email, int width, int height)
    {
        if (!_signedInStates.TryGetValue(email, out var state))
        {
            var signIn = await NewPageAsync(1280, 800);
            await signIn.SignInAsDemoUserAsync(email);
            state = await signIn.Context.StorageStateAsync();
            _signedInStates[email] = state;
            await signIn.Context.CloseAsync();
        }

        var context = await Browser.NewContextAsync(ContextOptions(width, height, state));
        context.SetDefaultTimeout(StepTimeoutMs);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
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
