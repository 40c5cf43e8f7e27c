using HousingSelfService.EndToEnd.Infrastructure;
using HousingSelfService.IntegrationTests.Infrastructure;
using HousingSelfService.Web.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace HousingSelfService.EndToEnd;

/// <summary>
/// WCAG 2.2.1: with the idle time-out shortened by configuration to <see cref="ShortSessionBrowser.Idle"/>, the
/// warning appears before sign-out, is announced, takes focus (and keeps it: the page behind is inert), meets the full
/// audit, and "Stay signed in" keeps the session past the time the first sign-in would have ended; ignored, the
/// warning is followed by sign-out and a message saying why.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class SessionTimeoutTests(SessionTimeoutTests.ShortSessionBrowser browser) : IClassFixture<SessionTimeoutTests.ShortSessionBrowser>
{
    [Fact]
    public async Task The_warning_comes_first_takes_focus_is_announced_and_staying_signed_in_extends_the_session()
    {
        var page = await browser.NewPageAsync(1280, 800);
        await page.SignInAsDemoUserAsync($"credit@{DemoSignIns.EmailDomain}");
        var hello = page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = new("^Hello, ") });
        await hello.WaitForAsync();
        // The sign-in cookie was issued before this moment, so without "Stay signed in" it has ended by Idle from now.
        var signedInBy = DateTimeOffset.UtcNow;
        await page.WaitForInteractivityAsync();
        await page.WatchLiveRegionsAsync();
        // Somewhere on the page, to check focus comes back here after the warning.
        await page.TabToAsync("main a[href]");
        var focusedBefore = await page.EvaluateAsync<string>("() => document.activeElement.outerHTML");

        var warning = page.GetByRole(AriaRole.Alertdialog, new() { Name = "You will be signed out soon" });
        await warning.WaitForAsync(new() { Timeout = (int)ShortSessionBrowser.Idle.TotalMilliseconds });
        page.Url.ShouldNotContain("Account/Login");
        await page.ShouldAnnounceAsync("we will sign you out in");
        (await page.EvaluateAsync<bool>("() => document.activeElement.matches('[role=alertdialog]')")).ShouldBeTrue("the warning should take focus");
        (await page.EvaluateAsync<bool>("() => document.querySelector('main').closest('[inert]') !== null"))
            .ShouldBeTrue("the page behind the warning should be inert while it shows");
        await page.ShouldMeetEveryCheckAsync();

        await page.PressOnAsync(page.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }));
        await warning.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        (await page.EvaluateAsync<string>("() => document.activeElement.outerHTML")).ShouldBe(focusedBefore, "focus should return to where it was");
        (await page.EvaluateAsync<bool>("() => document.querySelector('main').closest('[inert]') === null")).ShouldBeTrue();

        // Past the end of the first sign-in: a fresh request is still signed in only because the session was extended.
        var firstSignInEnded = (signedInBy + ShortSessionBrowser.Idle + TimeSpan.FromSeconds(1)).ToUnixTimeMilliseconds();
        await page.WaitForFunctionAsync("t => Date.now() > t", firstSignInEnded,
            new() { Timeout = (int)ShortSessionBrowser.Idle.TotalMilliseconds * 2, PollingInterval = 500 });
        await page.ReloadAsync();
        await hello.WaitForAsync();

        // Ignored, the warning shows again and then the sign-out comes, with a message saying why.
        await warning.WaitForAsync(new() { Timeout = (int)ShortSessionBrowser.Idle.TotalMilliseconds });
        await page.WaitForURLAsync("**/Account/Login?TimedOut=true", new() { Timeout = (int)ShortSessionBrowser.Idle.TotalMilliseconds });
        (await page.GetByTestId("timed-out").InnerTextAsync()).ShouldContain($"had not done anything for {(int)ShortSessionBrowser.Idle.TotalSeconds} seconds");
    }

    /// <summary>The app with a 45 second idle time-out and the warning 40 seconds before it.</summary>
    public sealed class ShortSessionBrowser() : BrowserFixture(new ShortSessionApp())
    {
        public static readonly TimeSpan Idle = TimeSpan.FromSeconds(45);

        private sealed class ShortSessionApp() : HousingAppFactory(new Dictionary<string, string?>
        {
            ["Account:IdleTimeout"] = Idle.ToString(),
            ["Account:TimeoutWarning"] = TimeSpan.FromSeconds(40).ToString(),
        });
    }
}
