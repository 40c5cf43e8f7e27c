using HousingSelfService.EndToEnd.Infrastructure;
using HousingSelfService.Web.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace HousingSelfService.EndToEnd;

/// <summary>
/// The WCAG 2.2 AA audit, run on every page and state in <see cref="AuditedPages"/>: axe-core at 1280, 360 and
/// 320 px, and the checks axe cannot make (<see cref="WcagChecks"/>): keyboard only with visible, unhidden focus (also
/// in forced colours), 24 px targets, text spacing, reduced motion, and reflow at 320 px and at 400% zoom of 1280 px.
/// Add each new page or state to <see cref="AuditedPages"/>.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class AccessibilityAuditTests(BrowserFixture browser)
{
    public static TheoryData<string> PageNames => [.. AuditedPages.All.Keys];

    [Theory]
    [MemberData(nameof(PageNames))]
    public async Task Every_page_meets_the_WCAG_22_AA_checks(string name)
    {
        var audited = AuditedPages.All[name];
        var page = audited.SignedInAs is { } email
            ? await browser.NewSignedInPageAsync(email, 1280, 800)
            : await browser.NewPageAsync(1280, 800);
        await audited.OpenAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await page.Locator("h1").CountAsync()).ShouldBe(1, $"{page.Url} should have exactly one h1");

        await page.ShouldHaveNoAccessibilityViolationsAsync();
        await page.ShouldBeUsableByKeyboardWithVisibleFocusAsync();
        await page.ShouldShowFocusInForcedColoursAsync();
        await page.ShouldHaveTargetsAtLeast24PixelsAsync();
        await page.ShouldKeepAllTextWithWcagTextSpacingAsync();
        await page.ShouldNotAnimateWithReducedMotionAsync();

        // 1.4.10: 400% zoom of a 1280 x 800 window is a 320 x 200 CSS pixel viewport.
        await page.SetViewportSizeAsync(320, 200);
        await page.ShouldNotScrollHorizontallyAsync();

        foreach (var (width, height) in new[] { (320, 640), (360, 740) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.ShouldHaveNoAccessibilityViolationsAsync();
            await page.ShouldNotScrollHorizontallyAsync();
            await page.ShouldHaveTargetsAtLeast24PixelsAsync();
        }

        await page.ShouldBeUsableByKeyboardWithVisibleFocusAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public void Every_page_of_the_app_is_in_the_audit()
    {
        var audited = AuditedPages.All.Values.Select(p => p.Route).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var pages = typeof(Program).Assembly.GetTypes()
            .SelectMany(type => type.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), inherit: false))
            .Cast<Microsoft.AspNetCore.Components.RouteAttribute>()
            .Select(route => route.Template);

        pages.Where(route => !audited.Contains(route)).ShouldBeEmpty("every page needs a line in AuditedPages");
    }
}

/// <summary>A page or page state to audit: its route template, who is signed in, and how to get there.</summary>
public sealed record AuditedPage(string Route, string? SignedInAs, Func<IPage, Task> OpenAsync);

/// <summary>Every page and state of the app the audit covers; one line per page.</summary>
public static class AuditedPages
{
    private static readonly string Resident = $"repairs@{DemoSignIns.EmailDomain}";

    public static IReadOnlyDictionary<string, AuditedPage> All { get; } = new Dictionary<string, AuditedPage>
    {
        ["start page (signed out)"] = new("/", null, page => GoToAsync(page, "", "Manage your council home online")),
        ["sign in"] = new("/Account/Login", null, page => GoToAsync(page, "Account/Login", "Sign in")),
        ["sign in with errors"] = new("/Account/Login", null, SignInWithNothingFilledAsync),
        ["locked out"] = new("/Account/Lockout", null, page => GoToAsync(page, "Account/Lockout", null)),
        ["accessibility statement"] = new("/accessibility", null, page => GoToAsync(page, "accessibility", "Accessibility statement for Housing self-service")),
        ["page not found"] = new("/not-found", null, page => GoToAsync(page, "no-such-page", "Page not found")),
        ["error page"] = new("/Error", null, page => GoToAsync(page, "Error", null)),
        ["dashboard"] = new("/", Resident, page => GoToAsync(page, "", null)),
        ["repair details"] = new("/repairs/{Reference:int}", Resident, OpenFirstRepairAsync),
        ["access denied"] = new("/Account/AccessDenied", Resident, page => GoToAsync(page, "Account/AccessDenied", null)),
    };

    /// <summary>Goes to a page and waits for its h1 (by name when given).</summary>
    public static async Task GoToAsync(IPage page, string path, string? heading)
    {
        await page.GotoAsync(path);
        var h1 = heading is null
            ? page.GetByRole(AriaRole.Heading, new() { Level = 1 })
            : page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = heading, Exact = true });
        await h1.WaitForAsync();
    }

    private static async Task SignInWithNothingFilledAsync(IPage page)
    {
        await GoToAsync(page, "Account/Login", "Sign in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        // A failed submit moves focus to the error summary, so screen readers read the problems first.
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.closest('.error-summary')");
    }

    private static async Task OpenFirstRepairAsync(IPage page)
    {
        await GoToAsync(page, "", null);
        var repair = page.Locator("section:has(#repairs-heading) h3 a").First;
        await page.GotoAsync(await repair.GetAttributeAsync("href") ?? throw new InvalidOperationException("No repair link on the dashboard."));
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
    }
}
