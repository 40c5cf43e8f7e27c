using HousingSelfService.EndToEnd.Infrastructure;
using HousingSelfService.IntegrationTests.Infrastructure;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Repairs.Report;
using HousingSelfService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        if (audited.SignedInAs is { } user)
        {
            await ForgetUnfinishedRepairReportAsync(user);
        }

        await audited.OpenAsync(page);
        await page.WaitForInteractivityAsync();
        await page.ShouldMeetEveryCheckAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The repair report keeps one unfinished draft per resident: each audited state starts without it, so a step's
    /// "nothing chosen" state really has nothing chosen.
    /// </summary>
    private async Task ForgetUnfinishedRepairReportAsync(string email)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await browser.App.Services.GetRequiredService<IDbContextFactory<HousingDbContext>>()
            .CreateDbContextAsync(cancellation);
        var userId = await database.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(cancellation);
        await database.Set<RepairDraft>().Where(d => d.UserId == userId && d.State == RepairDraftState.Started)
            .ExecuteDeleteAsync(cancellation);
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
    // No other browser test reports a repair or pays by card as these residents, so their drafts and payments are the audit's own.
    public static readonly string Reporter = Tenant;
    private static readonly string Payer = $"leaseholder@{DemoSignIns.EmailDomain}";
    private static readonly Guid AssistedPerson = CouncilApi.DemoData.Featured[4].PersonId;

    public static IReadOnlyDictionary<string, AuditedPage> All { get; } = new Dictionary<string, AuditedPage>
    {
        // Anyone
        ["start page (signed out)"] = new("/", null, page => GoToAsync(page, "", "Manage your council home online")),
        ["sign in"] = new("/Account/Login", null, page => GoToAsync(page, "Account/Login", "Sign in")),
        ["sign in with errors"] = new("/Account/Login", null, SignInWithNothingFilledAsync),
        ["sign in: security code"] = new("/Account/LoginWith2fa", null, OfficerPasswordAsync),
        ["sign in: security code, empty"] = new("/Account/LoginWith2fa", null, async page =>
        {
            await OfficerPasswordAsync(page);
            await SubmitEmptyAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));
        }),
        ["sign in: recovery code"] = new("/Account/LoginWithRecoveryCode", null, UseRecoveryCodeAsync),
        ["sign in: recovery code, empty"] = new("/Account/LoginWithRecoveryCode", null, async page =>
        {
            await UseRecoveryCodeAsync(page);
            await SubmitEmptyAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));
        }),
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
        ["report a repair: where"] = new("/repairs/report/where", Reporter, page => ReportRepairAsync(page, 1)),
        ["report a repair: where, nothing chosen"] = new("/repairs/report/where", Reporter, page => ReportRepairAsync(page, 1, submitEmpty: true)),
        ["report a repair: first question"] = new("/repairs/report/triage/{Level:int}", Reporter, page => ReportRepairAsync(page, 2)),
        ["report a repair: first question, nothing chosen"] = new("/repairs/report/triage/{Level:int}", Reporter, page => ReportRepairAsync(page, 2, submitEmpty: true)),
        ["report a repair: describe"] = new("/repairs/report/describe", Reporter, page => ReportRepairAsync(page, 5)),
        ["report a repair: describe, empty"] = new("/repairs/report/describe", Reporter, page => ReportRepairAsync(page, 5, submitEmpty: true)),
        ["report a repair: photos"] = new("/repairs/report/photos", Reporter, page => ReportRepairAsync(page, 6)),
        ["report a repair: photos, one added"] = new("/repairs/report/photos", Reporter, async page =>
        {
            await ReportRepairAsync(page, 6);
            await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "sink.jpg", MimeType = "image/jpeg", Buffer = TestPhotos.JpegWithLocation(800, 600) });
            await page.GetByAltText("Photo 1 of 1: sink.jpg").WaitForAsync();
        }),
        ["report a repair: photos, not a photo"] = new("/repairs/report/photos", Reporter, async page =>
        {
            await ReportRepairAsync(page, 6);
            await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "notes.jpg", MimeType = "image/jpeg", Buffer = TestPhotos.Text() });
            await page.GetByTestId("error-summary").WaitForAsync();
        }),
        ["report a repair: contact"] = new("/repairs/report/contact", Reporter, page => ReportRepairAsync(page, 7)),
        ["report a repair: contact, empty"] = new("/repairs/report/contact", Reporter, page => ReportRepairAsync(page, 7, submitEmpty: true)),
        ["report a repair: visit time"] = new("/repairs/report/appointment", Reporter, page => ReportRepairAsync(page, 8)),
        ["report a repair: visit time, nothing chosen"] = new("/repairs/report/appointment", Reporter, page => ReportRepairAsync(page, 8, submitEmpty: true)),
        ["report a repair: check answers"] = new("/repairs/report/check", Reporter, page => ReportRepairAsync(page, 9)),
        ["report a repair: reported"] = new("/repairs/report/confirmation/{Id:guid}", Reporter, page => ReportRepairAsync(page, 10)),
        ["actions taken for you"] = new("/account/actions-for-you", Repairs, page => GoToAsync(page, "account/actions-for-you", null)),

        // Residents: rent
        ["rent"] = new("/rent", Arrears, page => GoToAsync(page, "rent", null)),
        ["rent statement"] = new("/rent/statement", Arrears, page => GoToAsync(page, "rent/statement", null)),
        ["pay rent"] = new("/rent/pay", Arrears, page => GoToAsync(page, "rent/pay", null)),
        ["card payment received"] = new("/rent/pay/result/{Id:guid}", Payer, page => PayByCardAsync(page, "4444333322221111", "Payment received")),
        ["card payment declined"] = new("/rent/pay/result/{Id:guid}", Payer, page => PayByCardAsync(page, "4000000000000002", "Your payment was declined")),
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
    /// Pages checked only part-way through a journey (route, and the browser test that checks them), not with the
    /// full audit. None today: prefer an entry in <see cref="All"/> that walks the journey to the page.
    /// </summary>
    public static IReadOnlyDictionary<string, string> CheckedInJourneys { get; } = new Dictionary<string, string>();

    /// <summary>The repair report's steps in order: the h1 of each, and how the audit answers it.</summary>
    private static readonly (string Heading, Func<IPage, Task> Answer)[] ReportSteps =
    [
        ("Is it an emergency?", page => ChooseAndContinueAsync(page, "#emergency-NotEmergency")),
        ("Where is the problem?", page => ChooseAndContinueAsync(page, "#where-Tenant")),
        ("Which room is the problem in?", page => ChooseAndContinueAsync(page, "input[value=kitchen]")),
        ("What is the problem with?", page => ChooseAndContinueAsync(page, "input[value=sink]")),
        ("Which of these best describes the problem?", page => ChooseAndContinueAsync(page, "input[value=damaged]")),
        ("Describe the problem", async page =>
        {
            await page.Locator("#description").FillAsync("The kitchen sink has a long crack.");
            await page.GetByTestId("continue").ClickAsync();
        }),
        ("Add photos of the problem (optional)", page => page.GetByTestId("continue").ClickAsync()),
        ("Who should we contact about this repair?", async page =>
        {
            await page.Locator("#contact-name").FillAsync("Sam Audit");
            await page.Locator("#contact-phone").FillAsync("07700 900123");
            await ChooseAndContinueAsync(page, "#confirm-Text");
        }),
        ("When can we visit?", page => ChooseAndContinueAsync(page, "#slot-0-0")),
        ("Check your answers before sending your report", page => page.GetByTestId("send").ClickAsync()),
        ("Repair reported", _ => Task.CompletedTask),
    ];

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
        await SubmitEmptyAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }));
    }

    /// <summary>Sends the form with the fields left empty (or emptied), and waits for the error summary to take focus.</summary>
    private static async Task SubmitEmptyAsync(IPage page, ILocator submit)
    {
        foreach (var field in await page.Locator("main input[type=text], main input[type=tel], main input:not([type]), main textarea").AllAsync())
        {
            await field.FillAsync("");
        }

        await submit.ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        // A failed submit moves focus to the error summary, so screen readers read the problems first.
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.closest('.error-summary')");
    }

    private static async Task OfficerPasswordAsync(IPage page)
    {
        await GoToAsync(page, "Account/Login", "Sign in");
        await page.GetByLabel("Email address").FillAsync(Officer);
        await page.GetByLabel("Password").FillAsync(DemoSignIns.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.ExpectHeadingAsync("Enter your security code");
    }

    private static async Task UseRecoveryCodeAsync(IPage page)
    {
        await OfficerPasswordAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code" }).ClickAsync();
        await page.ExpectHeadingAsync("Use a recovery code");
    }

    /// <summary>
    /// Walks a fresh repair report through its first <paramref name="steps"/> steps; with <paramref name="submitEmpty"/>,
    /// then sends the next step with nothing chosen or typed.
    /// </summary>
    public static async Task ReportRepairAsync(IPage page, int steps, bool submitEmpty = false)
    {
        await GoToAsync(page, "repairs/report", ReportSteps[0].Heading);
        await page.WaitForInteractivityAsync();
        for (var step = 0; step < steps; step++)
        {
            await ReportSteps[step].Answer(page);
            await page.ExpectHeadingAsync(ReportSteps[step + 1].Heading);
        }

        await page.WaitForInteractivityAsync();
        if (submitEmpty)
        {
            await SubmitEmptyAsync(page, page.GetByTestId("continue"));
        }
    }

    private static async Task ChooseAndContinueAsync(IPage page, string choice)
    {
        await page.Locator(choice).CheckAsync();
        await page.GetByTestId("continue").ClickAsync();
    }

    /// <summary>Pays £25 on the provider's test card page with the given test card, back to the result page.</summary>
    private static async Task PayByCardAsync(IPage page, string card, string result)
    {
        await GoToAsync(page, "rent/pay", "Pay your rent by card");
        await page.WaitForInteractivityAsync();
        await page.GetByLabel("How much do you want to pay?").FillAsync("25");
        await page.GetByTestId("continue-to-payment").ClickAsync();
        await page.ExpectHeadingAsync("Enter card details");
        await page.GetByLabel("Card number").FillAsync(card);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm payment" }).ClickAsync();
        await page.ExpectHeadingAsync(result);
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
