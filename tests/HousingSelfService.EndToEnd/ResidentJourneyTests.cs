using HousingSelfService.EndToEnd.Infrastructure;
using static HousingSelfService.EndToEnd.Infrastructure.PageChecks;
using HousingSelfService.Web.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

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
        await page.ExpectHeadingAsync("Manage your council home online");
        await page.CheckPageAsync();

        await page.GetByTestId("sign-in").ClickAsync();
        await page.ExpectHeadingAsync("Sign in");
        await page.CheckPageAsync();

        await page.GetByLabel("Password").FillAsync("wrong-password-for-the-demo");
        await page.GetByLabel("Email address").FillAsync("repairs@demo.housing.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        await page.CheckPageAsync();

        await page.GetByLabel("Password").FillAsync(DemoSignIns.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = new("^Hello, ") }).WaitForAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your rent" }).WaitForAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your open repairs" }).WaitForAsync();
        await page.WaitForInteractivityAsync();
        await page.CheckPageAsync();

        var repairLink = page.Locator("section:has(#repairs-heading) h3 a").First;
        var description = (await repairLink.InnerTextAsync()).Trim();
        await repairLink.ClickAsync();
        await page.ExpectHeadingAsync(description);
        // WCAG 2.4.3: after in-app navigation, focus lands on the new page's heading.
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.tagName === 'H1'");
        await page.CheckPageAsync();

        await page.GotoAsync("/no-such-page");
        await page.ExpectHeadingAsync("Page not found");
        await page.CheckPageAsync();
    }

    [Fact]
    public async Task The_first_tab_stop_is_a_visible_skip_link_that_moves_to_the_main_content()
    {
        var page = await browser.NewPageAsync(360, 740);
        await page.GotoAsync("/");
        await page.WaitForInteractivityAsync();

        await page.Keyboard.PressAsync("Tab");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        focused.ShouldBe("Skip to main content");
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        outline.ShouldNotBe("none", "the focused skip link needs a visible focus indicator");
        (await page.GetByTestId("skip-link").IsVisibleAsync()).ShouldBeTrue();

        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("main-content");
    }

    [Fact]
    public async Task On_a_phone_the_dashboard_does_not_shift_while_its_scripts_load()
    {
        var page = await browser.NewSignedInPageAsync("repairs@demo.housing.test", 360, 740);
        // app.js held back for a second, so the browser surely paints before it runs: the menu must be folded by then.
        await page.RouteAsync("**/js/app.*.js", async route =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            await route.ContinueAsync();
        });
        await page.AddInitScriptAsync("""
            window.layoutShift = 0;
            new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) window.layoutShift += e.value; }))
                .observe({ type: 'layout-shift', buffered: true });
            """);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your rent" }).WaitForAsync();
        await page.WaitForInteractivityAsync();

        (await page.EvaluateAsync<double>("() => window.layoutShift")).ShouldBe(0, "cumulative layout shift on the dashboard at 360 px");
    }
}
