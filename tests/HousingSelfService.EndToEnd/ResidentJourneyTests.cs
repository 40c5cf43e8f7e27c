using HousingSelfService.EndToEnd.Infrastructure;
using HousingSelfService.Web.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static HousingSelfService.EndToEnd.Infrastructure.PageChecks;

namespace HousingSelfService.EndToEnd;

/// <summary>
/// A demo resident's first visit, in Debian's Chromium at 320 px (WCAG reflow width), a typical phone and a desktop,
/// with axe-core (every WCAG 2.x A/AA rule, any impact) and a reflow check on every page state visited.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ResidentJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(320, 640)]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task A_resident_signs_in_and_follows_a_repair_from_the_dashboard_with_every_page_accessible(int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);

        await page.GotoAsync("/");
        await ExpectHeadingAsync(page, "Manage your council home online");
        await CheckPageAsync(page);

        await page.GetByTestId("sign-in").ClickAsync();
        await ExpectHeadingAsync(page, "Sign in");
        await CheckPageAsync(page);

        await page.GetByLabel("Password").FillAsync("wrong-password-for-the-demo");
        await page.GetByLabel("Email address").FillAsync("repairs@demo.housing.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        await CheckPageAsync(page);

        await page.GetByLabel("Password").FillAsync(DemoSignIns.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = new("^Hello, ") }).WaitForAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your rent" }).WaitForAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your open repairs" }).WaitForAsync();
        await WaitForInteractivityAsync(page);
        await CheckPageAsync(page);

        var repairLink = page.Locator("section:has(#repairs-heading) h3 a").First;
        var description = (await repairLink.InnerTextAsync()).Trim();
        await repairLink.ClickAsync();
        await ExpectHeadingAsync(page, description);
        // WCAG 2.4.3: after in-app navigation, focus lands on the new page's heading.
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.tagName === 'H1'");
        await CheckPageAsync(page);

        await page.GotoAsync("/no-such-page");
        await ExpectHeadingAsync(page, "Page not found");
        await CheckPageAsync(page);
    }

    [Fact]
    public async Task The_first_tab_stop_is_a_visible_skip_link_that_moves_to_the_main_content()
    {
        var page = await browser.NewPageAsync(360, 740);
        await page.GotoAsync("/");
        await WaitForInteractivityAsync(page);

        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        focused.ShouldBe("Skip to main content");
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        outline.ShouldNotBe("none", "the focused skip link needs a visible focus indicator");
        (await page.GetByTestId("skip-link").IsVisibleAsync()).ShouldBeTrue();

        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("main-content");
    }
}
