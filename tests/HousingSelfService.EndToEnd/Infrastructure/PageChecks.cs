using Microsoft.Playwright;
using Shouldly;

namespace HousingSelfService.EndToEnd.Infrastructure;

/// <summary>What every browser test checks on every page state it visits.</summary>
public static class PageChecks
{
    /// <summary>
    /// Signs a demo user in through the real sign-in form; for the demo officer, also the two-step code from the
    /// documented authenticator key. Returns once the browser has left the sign-in pages.
    /// </summary>
    public static async Task SignInAsDemoUserAsync(this IPage page, string email)
    {
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Web.Infrastructure.DemoSignIns.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase));
        if (page.Url.Contains("LoginWith2fa", StringComparison.OrdinalIgnoreCase))
        {
            await page.GetByLabel("Security code").FillAsync(IntegrationTests.Infrastructure.Totp.Code(Web.Infrastructure.DemoSignIns.OfficerAuthenticatorKey));
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("LoginWith2fa", StringComparison.OrdinalIgnoreCase));
        }
    }

    public static Task ExpectHeadingAsync(this IPage page, string text) =>
        page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = text, Exact = true }).WaitForAsync();

    /// <summary>One h1, the page title set, no axe-core violations and no horizontal scrolling.</summary>
    public static async Task CheckPageAsync(this IPage page)
    {
        (await page.Locator("h1").CountAsync()).ShouldBe(1, $"{page.Url} should have exactly one h1");
        // Blazor's HeadOutlet sets the title after rendering, so wait for it rather than read it once.
        await page.WaitForFunctionAsync("() => document.title.endsWith('Housing self-service')");
        await page.ShouldHaveNoAccessibilityViolationsAsync();
        await page.ShouldNotScrollHorizontallyAsync();
    }

    /// <summary>
    /// Prerendered HTML is in place first; wait until Blazor's circuit has taken over the page (the network goes
    /// quiet once blazor.web.js has negotiated). Up to a minute: CI runs three test projects on two cores, and a
    /// 15 s wait here once timed out while the page was still loading its scripts.
    /// </summary>
    public static Task WaitForInteractivityAsync(this IPage page) =>
        page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = 60_000 });
}
