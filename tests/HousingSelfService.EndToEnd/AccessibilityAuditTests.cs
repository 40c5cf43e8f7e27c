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
        var audited = AuditedPages.All.Values.Select(p => p.Route).Concat(AuditedPages.CheckedInJourneys.Keys)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
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
    private static readonly string Repairs = $"repairs@{DemoSignIns.EmailDomain}";
    private static readonly string Arrears = $"arrears@{DemoSignIns.EmailDomain}";
    private static readonly string Tenant = $"credit@{DemoSignIns.EmailDomain}";
    private static readonly string AccountHolder = $"introductory@{DemoSignIns.EmailDomain}";
    private static readonly string Officer = $"officer@{DemoSignIns.EmailDomain}";
    private static readonly Guid AssistedPerson = CouncilApi.DemoData.Featured[4].PersonId;

    public static IReadOnlyDictionary<string, AuditedPage> All { get; } = new Dictionary<string, AuditedPage>
    {
        // Anyone
        ["start page (signed out)"] = new("/", null, page => GoToAsync(page, "", "Manage your council home online")),
        ["sign in"] = new("/Account/Login", null, page => GoToAsync(page, "Account/Login", "Sign in")),
        ["sign in with errors"] = new("/Account/Login", null, SignInWithNothingFilledAsync),
        ["locked out"] = new("/Account/Lockout", null, page => GoToAsync(page, "Account/Lockout", null)),
        ["register"] = new("/Account/Register", null, page => GoToAsync(page, "Account/Register", null)),
        ["registered"] = new("/Account/RegisterConfirmation", null, page => GoToAsync(page, "Account/RegisterConfirmation", null)),
        ["resend confirmation"] = new("/Account/ResendEmailConfirmation", null, page => GoToAsync(page, "Account/ResendEmailConfirmation", null)),
        ["confirm email (link not valid)"] = new("/Account/ConfirmEmail", null, page => GoToAsync(page, "Account/ConfirmEmail", null)),
        ["confirm email change (link not valid)"] = new("/Account/ConfirmEmailChange", null, page => GoToAsync(page, "Account/ConfirmEmailChange", null)),
        ["forgot password"] = new("/Account/ForgotPassword", null, page => GoToAsync(page, "Account/ForgotPassword", null)),
        ["reset password (link not valid)"] = new("/Account/ResetPassword", null, page => GoToAsync(page, "Account/ResetPassword", null)),
        ["account deleted"] = new("/Account/Deleted", null, page => GoToAsync(page, "Account/Deleted", null)),
        ["accessibility statement"] = new("/accessibility", null, page => GoToAsync(page, "accessibility", "Accessibility statement for Housing self-service")),
        ["page not found"] = new("/not-found", null, page => GoToAsync(page, "no-such-page", "Page not found")),
        ["error page"] = new("/Error", null, page => GoToAsync(page, "Error", null)),

        // Residents: home, repairs
        ["dashboard"] = new("/", Repairs, page => GoToAsync(page, "", null)),
        ["access denied"] = new("/Account/AccessDenied", Repairs, page => GoToAsync(page, "Account/AccessDenied", null)),
        ["my repairs"] = new("/repairs", Repairs, page => GoToAsync(page, "repairs", null)),
        ["repair details"] = new("/repairs/{Reference:int}", Repairs, page => OpenFirstRepairAsync(page, "")),
        ["change a repair visit"] = new("/repairs/{Reference:int}/appointment", Repairs, page => OpenFirstRepairAsync(page, "/appointment")),
        ["cancel a repair"] = new("/repairs/{Reference:int}/cancel", Repairs, page => OpenFirstRepairAsync(page, "/cancel")),
        ["report a repair: emergency question"] = new("/repairs/report", Repairs, page => GoToAsync(page, "repairs/report", null)),
        ["report a repair: gas, call now"] = new("/repairs/report/phone/{Reason}", Repairs, page => GoToAsync(page, "repairs/report/phone/gas", null)),
        ["actions taken for you"] = new("/account/actions-for-you", Repairs, page => GoToAsync(page, "account/actions-for-you", null)),

        // Residents: rent
        ["rent"] = new("/rent", Arrears, page => GoToAsync(page, "rent", null)),
        ["rent statement"] = new("/rent/statement", Arrears, page => GoToAsync(page, "rent/statement", null)),
        ["pay rent"] = new("/rent/pay", Arrears, page => GoToAsync(page, "rent/pay", null)),
        ["direct debit"] = new("/rent/direct-debit", Arrears, page => GoToAsync(page, "rent/direct-debit", null)),
        ["payment arrangement"] = new("/rent/arrangement", Arrears, page => GoToAsync(page, "rent/arrangement", null)),

        // Residents: tenancy
        ["my tenancy"] = new("/tenancy", Tenant, page => GoToAsync(page, "tenancy", null)),
        ["my household"] = new("/tenancy/household", Tenant, page => GoToAsync(page, "tenancy/household", null)),
        ["contact details"] = new("/tenancy/contact-details", Tenant, page => GoToAsync(page, "tenancy/contact-details", null)),
        ["add a phone number"] = new("/tenancy/contact-details/add/{TypeSlug}", Tenant, page => GoToAsync(page, "tenancy/contact-details/add/phone", null)),
        ["change a contact detail"] = new("/tenancy/contact-details/{Id:guid}/change", Tenant, page => OpenFirstContactAsync(page, "/change")),
        ["remove a contact detail"] = new("/tenancy/contact-details/{Id:guid}/remove", Tenant, page => OpenFirstContactAsync(page, "/remove")),
        ["preferred name"] = new("/tenancy/name", Tenant, page => GoToAsync(page, "tenancy/name", null)),
        ["my requests"] = new("/tenancy/requests", Tenant, page => GoToAsync(page, "tenancy/requests", null)),
        ["request: add a household member"] = new("/tenancy/requests/new/{Slug}", Tenant, page => GoToAsync(page, "tenancy/requests/new/add-household-member", null)),
        ["letters"] = new("/tenancy/letters", Tenant, page => GoToAsync(page, "tenancy/letters", null)),

        // Residents: account
        ["your account"] = new("/account", AccountHolder, page => GoToAsync(page, "account", null)),
        ["link a tenancy"] = new("/Account/LinkTenancy", AccountHolder, page => GoToAsync(page, "Account/LinkTenancy", null)),
        ["change password"] = new("/Account/Manage/ChangePassword", AccountHolder, page => GoToAsync(page, "Account/Manage/ChangePassword", null)),
        ["change email"] = new("/Account/Manage/Email", AccountHolder, page => GoToAsync(page, "Account/Manage/Email", null)),
        ["two-step verification"] = new("/Account/Manage/TwoStep", AccountHolder, page => GoToAsync(page, "Account/Manage/TwoStep", null)),
        ["set up an authenticator app"] = new("/Account/Manage/EnableAuthenticator", AccountHolder, page => GoToAsync(page, "Account/Manage/EnableAuthenticator", null)),
        ["passkeys"] = new("/Account/Manage/Passkeys", AccountHolder, page => GoToAsync(page, "Account/Manage/Passkeys", null)),
        ["delete account"] = new("/Account/Manage/Delete", AccountHolder, page => GoToAsync(page, "Account/Manage/Delete", null)),

        // Officers
        ["find a resident"] = new("/officer", Officer, page => GoToAsync(page, "officer", null)),
        ["resident record"] = new("/officer/residents/{PersonId:guid}", Officer, page => GoToAsync(page, $"officer/residents/{AssistedPerson}", null)),
        ["start assisting"] = new("/officer/residents/{PersonId:guid}/assist", Officer, page => GoToAsync(page, $"officer/residents/{AssistedPerson}/assist", null)),
        ["link an account for a resident"] = new("/officer/residents/{PersonId:guid}/link", Officer, page => GoToAsync(page, $"officer/residents/{AssistedPerson}/link", null)),
        ["end assisting"] = new("/officer/assist/end", Officer, page => GoToAsync(page, "officer/assist/end", null)),
    };

    /// <summary>
    /// Pages reached only part-way through a journey, with the browser test that checks each one with axe-core and
    /// reflow on the way (the other checks here are not yet run on them).
    /// </summary>
    public static IReadOnlyDictionary<string, string> CheckedInJourneys { get; } = new Dictionary<string, string>
    {
        ["/repairs/report/where"] = nameof(ReportRepairJourneyTests),
        ["/repairs/report/triage/{Level:int}"] = nameof(ReportRepairJourneyTests),
        ["/repairs/report/describe"] = nameof(ReportRepairJourneyTests),
        ["/repairs/report/photos"] = nameof(ReportRepairJourneyTests),
        ["/repairs/report/contact"] = nameof(ReportRepairJourneyTests),
        ["/repairs/report/appointment"] = nameof(ReportRepairJourneyTests),
        ["/repairs/report/check"] = nameof(ReportRepairJourneyTests),
        ["/repairs/report/confirmation/{Id:guid}"] = nameof(ReportRepairJourneyTests),
        ["/rent/pay/result/{Id:guid}"] = nameof(RentJourneyTests),
        ["/Account/LoginWith2fa"] = nameof(AccountJourneyTests),
        ["/Account/LoginWithRecoveryCode"] = nameof(AccountJourneyTests),
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
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        // A failed submit moves focus to the error summary, so screen readers read the problems first.
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.closest('.error-summary')");
    }

    private static async Task OpenFirstRepairAsync(IPage page, string suffix)
    {
        await GoToAsync(page, "", null);
        var repair = page.Locator("section:has(#repairs-heading) h3 a").First;
        var href = await repair.GetAttributeAsync("href") ?? throw new InvalidOperationException("No repair link on the dashboard.");
        await GoToAsync(page, href.TrimStart('/') + suffix, null);
    }

    private static async Task OpenFirstContactAsync(IPage page, string suffix)
    {
        await GoToAsync(page, "tenancy/contact-details", null);
        var change = page.Locator("a[href*='/change']").First;
        var href = await change.GetAttributeAsync("href") ?? throw new InvalidOperationException("No contact detail to change.");
        await GoToAsync(page, href.TrimStart('/').Replace("/change", suffix, StringComparison.Ordinal), null);
    }
}
