using System.Globalization;
using System.Text.RegularExpressions;
using HousingSelfService.CouncilApi;
using HousingSelfService.EndToEnd.Infrastructure;
using HousingSelfService.IntegrationTests.Infrastructure;
using HousingSelfService.Web.Features.Account;
using HousingSelfService.Web.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static HousingSelfService.EndToEnd.Infrastructure.PageChecks;

namespace HousingSelfService.EndToEnd;

/// <summary>
/// A new resident in Debian's Chromium at 320 px and 1280 px: register, confirm the email, link the tenancy, see the
/// dashboard, visit every account page, turn on two-step verification and sign in again with a recovery code, with
/// axe-core and the reflow check on every Identity page state.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed partial class AccountJourneyTests(BrowserFixture browser)
{
    private const string Password = "correct horse battery staple";

    [Theory]
    [InlineData(320, 640, 43)]
    [InlineData(1280, 800, 44)]
    public async Task A_new_resident_registers_confirms_links_their_tenancy_and_manages_their_account(int width, int height, int householdIndex)
    {
        var household = DemoData.Households[householdIndex];
        var email = $"journey.{width}.{Guid.NewGuid():N}@example.com";
        var page = await browser.NewPageAsync(width, height);

        foreach (var (url, heading) in new[] { ("Account/ForgotPassword", "Reset your password"), ("Account/ResendEmailConfirmation", "Send the link again"), ("Account/ResetPassword?code=expired", "Choose a new password") })
        {
            await page.GotoAsync(url);
            await page.ExpectHeadingAsync(heading);
            await page.CheckPageAsync();
        }

        await page.GotoAsync("Account/Login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await page.ExpectHeadingAsync("Create an account");
        await page.CheckPageAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        await page.CheckPageAsync();

        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Create a password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.ExpectHeadingAsync("Check your email");
        await page.CheckPageAsync();

        var confirmation = browser.App.Services.GetRequiredService<NotificationFolder>().ReadAll()
            .Last(n => n.Recipient == email && n.TemplateId == AccountEmails.ConfirmEmailTemplateId);
        await page.GotoAsync(Link().Match(confirmation.Body).Value);
        await page.ExpectHeadingAsync("Your email address is confirmed");
        await page.CheckPageAsync();

        await page.GetByTestId("sign-in-to-link").ClickAsync();
        await page.ExpectHeadingAsync("Sign in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ExpectHeadingAsync("Find your tenancy");
        await page.CheckPageAsync();

        await FillTenancyAsync(page, household.PaymentReference, household.DateOfBirth.AddYears(-1), household.Postcode);
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("We could not find a tenancy with these details");
        await page.CheckPageAsync();

        await FillTenancyAsync(page, household.PaymentReference, household.DateOfBirth, household.Postcode);
        await page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"Hello, {household.FirstName} {household.Surname}" }).WaitForAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your rent" }).WaitForAsync();
        await page.WaitForInteractivityAsync();
        await page.CheckPageAsync();

        foreach (var (url, heading) in new[]
        {
            ("account", "Your account"), ("Account/Manage/ChangePassword", "Change your password"), ("Account/Manage/Email", "Change your email address"),
            ("Account/Manage/Delete", "Delete your account"), ("Account/Manage/Passkeys", "Passkeys"), ("Account/Manage/TwoStep", "Two-step verification"),
        })
        {
            await page.GotoAsync(url);
            await page.ExpectHeadingAsync(heading);
            await page.CheckPageAsync();
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Set up two-step verification" }).ClickAsync();
        await page.ExpectHeadingAsync("Set up two-step verification");
        await page.CheckPageAsync();
        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("Security code").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step verification" }).ClickAsync();
        await page.ExpectHeadingAsync("Two-step verification is on");
        await page.CheckPageAsync();
        var recoveryCode = (await page.GetByTestId("recovery-codes").Locator("code").First.InnerTextAsync()).Trim();

        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.ExpectHeadingAsync("Enter your security code");
        await page.CheckPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Use a recovery code" }).ClickAsync();
        await page.ExpectHeadingAsync("Use a recovery code");
        await page.CheckPageAsync();
        await page.GetByLabel("Recovery code").FillAsync(recoveryCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"Hello, {household.FirstName} {household.Surname}" }).WaitForAsync();
    }

    [Fact]
    public async Task A_resident_adds_a_passkey_and_signs_in_with_it()
    {
        var email = $"passkey.{Guid.NewGuid():N}@example.com";
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<HousingSelfService.Web.Data.HousingUser>>();
            var user = new HousingSelfService.Web.Data.HousingUser { UserName = email, Email = email, EmailConfirmed = true };
            (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        }

        var page = await browser.NewPageAsync(1280, 800);
        // WebAuthn refuses IP addresses as the relying party, so this test uses the localhost name; Chromium's virtual
        // authenticator stands in for a phone's screen lock.
        var origin = browser.BaseAddress.ToString().Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true, ["hasUserVerification"] = true, ["isUserVerified"] = true,
            },
        });

        await page.GotoAsync($"{origin}Account/Login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
        await page.GotoAsync($"{origin}Account/Manage/Passkeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await page.GetByTestId("passkeys").WaitForAsync();
        await page.CheckPageAsync();

        await page.Context.ClearCookiesAsync();
        await page.GotoAsync($"{origin}Account/Login");
        // The sign-in page offers passkeys as autofill too, which the virtual authenticator may answer at once.
        var usePasskey = page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" });
        var signedIn = page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Your account is not linked to a tenancy yet" });
        await usePasskey.Or(signedIn).First.WaitForAsync();
        if (await usePasskey.IsVisibleAsync())
        {
            await usePasskey.ClickAsync();
        }

        await signedIn.WaitForAsync();
    }

    private static async Task FillTenancyAsync(IPage page, string paymentReference, DateOnly born, string postcode)
    {
        await page.GetByLabel("Rent payment reference").FillAsync(paymentReference);
        await page.GetByLabel("Day").FillAsync(born.Day.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Month").FillAsync(born.Month.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Year").FillAsync(born.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Postcode of your home").FillAsync(postcode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find my tenancy" }).ClickAsync();
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
