using Microsoft.Playwright;
using Shouldly;

namespace HousingSelfService.EndToEnd.Infrastructure;

/// <summary>What every browser test checks on every page state it visits.</summary>
public static class PageChecks
{
    public static Task ExpectHeadingAsync(IPage page, string text) =>
        page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = text, Exact = true }).WaitForAsync();

    /// <summary>One h1, a title set by the page, axe-core clean (WCAG 2.x A/AA) and no horizontal scrolling.</summary>
    public static async Task CheckPageAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        (await page.Locator("h1").CountAsync()).ShouldBe(1, $"{page.Url} should have exactly one h1");
        // Blazor's HeadOutlet sets the title after rendering, so wait for it rather than read it once.
        await page.WaitForFunctionAsync("() => document.title.endsWith('Housing self-service')");
        await page.ShouldHaveNoAccessibilityViolationsAsync();
        await page.ShouldNotScrollHorizontallyAsync();
    }

    /// <summary>Prerendered HTML is in place first; wait until Blazor's circuit has taken over the page.</summary>
    public static Task WaitForInteractivityAsync(IPage page) =>
        page.WaitForLoadStateAsync(LoadState.NetworkIdle);
}
