using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using HousingSelfService.CouncilApi;
using HousingSelfService.IntegrationTests.Infrastructure;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Account;
using HousingSelfService.Web.Infrastructure;
using HousingSelfService.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HousingSelfService.IntegrationTests;

/// <summary>
/// Residents' accounts over real HTTP against the reference council API: registration, email confirmation and
/// password reset through the emails the notification sender wrote, tenancy linking (and its lockout), two-step
/// verification, officers' compulsory two-step verification, and My account.
/// </summary>
public sealed partial class AccountTests(HousingAppFactory app) : IClassFixture<HousingAppFactory>
{
    private const string Password = "correct horse battery staple";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task A_resident_registers_confirms_their_email_links_their_tenancy_and_sees_their_dashboard()
    {
        var household = DemoData.Households[40];
        var email = $"new.resident.{Guid.NewGuid():N}@example.com";
        using var client = NewClient();

        using var register = await client.PostFormAsync("/Account/Register", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        register.Headers.Location!.OriginalString.ShouldContain("Account/RegisterConfirmation");

        using var beforeConfirming = await client.PostLoginFormAsync(email, Password);
        (await beforeConfirming.Content.ReadAsStringAsync(Cancel)).ShouldContain("Confirm your email address before you sign in");

        var confirmLink = LinkIn(LastEmailTo(email, AccountEmails.ConfirmEmailTemplateId));
        (await client.GetStringAsync(confirmLink, Cancel)).ShouldContain("Your email address is confirmed");

        using var signIn = await client.PostLoginFormAsync(email, Password);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel)).ShouldContain("Find your tenancy");

        using var link = await PostLinkAsync(client, household.PaymentReference, household.DateOfBirth, household.Postcode.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal));
        link.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), Cancel);
        home.ShouldContain($"Hello, {household.FirstName}");
        var stored = await WithServicesAsync(async services =>
            await services.GetRequiredService<HousingDbContext>().TenancyLinks.SingleAsync(l => l.User!.Email == email, Cancel));
        stored.LinkedHow.ShouldBe(TenancyLinkMethod.Verified);
        stored.TenureId.ShouldBe(household.TenureId);
        stored.PersonId.ShouldBe(household.PersonId);
    }

    [Theory]
    [InlineData("short pass", "12 characters or more")]
    [InlineData("qwertyuiopasdfgh", "too easy to guess")]
    public async Task Registration_refuses_short_and_common_passwords_and_creates_nothing(string password, string message)
    {
        var email = $"weak.{Guid.NewGuid():N}@example.com";
        using var client = NewClient();

        using var response = await client.PostFormAsync("/Account/Register", new() { ["Input.Email"] = email, ["Input.Password"] = password });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync(Cancel);
        page.ShouldContain("<title>Error: Create an account");
        page.ShouldContain("<a href=\"#password\">");
        page.ShouldContain(message);
        (await WithServicesAsync(services => services.GetRequiredService<UserManager<HousingUser>>().FindByEmailAsync(email))).ShouldBeNull();
    }

    [Fact]
    public async Task Wrong_details_never_say_which_was_wrong_and_three_failures_lock_linking_even_for_the_right_details()
    {
        var household = DemoData.Households[41];
        var (client, _) = await NewConfirmedResidentAsync();
        using var _1 = client;

        var wrongAttempts = new (string Reference, DateOnly Born, string Postcode)[]
        {
            (household.PaymentReference, household.DateOfBirth.AddDays(1), household.Postcode),
            (household.PaymentReference, household.DateOfBirth, "E1 1AA"),
            ("2200000000", household.DateOfBirth, household.Postcode),
        };
        var messages = new List<string>();
        foreach (var (reference, born, postcode) in wrongAttempts)
        {
            using var response = await PostLinkAsync(client, reference, born, postcode);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var text = await response.Content.ReadAsStringAsync(Cancel);
            messages.Add(ErrorSummaryText().Match(text).Value);
        }

        messages[0].ShouldContain("We could not find a tenancy with these details");
        messages[1].ShouldBe(messages[0]);
        messages[2].ShouldBeEmpty("the third failure shows the lock, not the error summary");

        // Locked: the form is gone, and even the right details (posted with a fresh page's tokens) link nothing.
        var page = await client.GetStringAsync(new Uri("/Account/LinkTenancy", UriKind.Relative), Cancel);
        page.ShouldContain("data-testid=\"link-locked\"");
        page.ShouldNotContain("Input.PaymentReference");
        using var right = await client.PostFormAsync("/account", new(LinkFields(household.PaymentReference, household.DateOfBirth, household.Postcode))
        {
            ["_handler"] = "link-tenancy",
        }, postTo: "/Account/LinkTenancy");
        right.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        (await WithServicesAsync(services => services.GetRequiredService<HousingDbContext>().TenancyLinks.AnyAsync(l => l.TenureId == household.TenureId, Cancel)))
            .ShouldBeFalse();
    }

    [Fact]
    public async Task A_validation_mistake_does_not_count_as_an_attempt_and_keeps_what_was_typed()
    {
        var (client, _) = await NewConfirmedResidentAsync();
        using var _1 = client;

        using var response = await client.PostFormAsync("/Account/LinkTenancy", new()
        {
            ["Input.PaymentReference"] = "2212345678", ["Input.Day"] = "31", ["Input.Month"] = "2", ["Input.Year"] = "1980", ["Input.Postcode"] = "",
        });

        var page = await response.Content.ReadAsStringAsync(Cancel);
        page.ShouldContain("<a href=\"#dob-day\">Date of birth must be a real date");
        page.ShouldContain("<a href=\"#postcode\">Enter the postcode of your home");
        page.ShouldContain("value=\"2212345678\"");
    }

    [Fact]
    public async Task A_resident_resets_a_forgotten_password_with_the_emailed_link()
    {
        var (client, email) = await NewConfirmedResidentAsync();
        client.Dispose();
        using var anonymous = NewClient();

        using var forgot = await anonymous.PostFormAsync("/Account/ForgotPassword", new() { ["Input.Email"] = email });
        (await forgot.Content.ReadAsStringAsync(Cancel)).ShouldContain("Check your email");
        var resetLink = LinkIn(LastEmailTo(email, AccountEmails.ResetPasswordTemplateId));

        const string NewPassword = "a new and rather long password";
        using var reset = await anonymous.PostFormAsync(resetLink.PathAndQuery, new() { ["Input.Email"] = email, ["Input.Password"] = NewPassword });
        (await reset.Content.ReadAsStringAsync(Cancel)).ShouldContain("Your password has been changed");

        using var oldPassword = await anonymous.PostLoginFormAsync(email, Password);
        oldPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var newPassword = await anonymous.PostLoginFormAsync(email, NewPassword);
        newPassword.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var reused = await anonymous.PostFormAsync(resetLink.PathAndQuery, new() { ["Input.Email"] = email, ["Input.Password"] = "yet another long password" });
        (await reused.Content.ReadAsStringAsync(Cancel)).ShouldContain("The link has expired or was already used");
    }

    [Fact]
    public async Task A_resident_turns_on_two_step_verification_then_signs_in_with_a_code_and_with_a_recovery_code()
    {
        var (client, email) = await NewConfirmedResidentAsync();
        using var _1 = client;
        var (key, recoveryCodes) = await EnrolAuthenticatorAsync(client, "/Account/Manage/EnableAuthenticator");
        recoveryCodes.Count.ShouldBe(10);
        (await client.GetStringAsync(new Uri("/account", UriKind.Relative), Cancel)).ShouldContain("On: you enter a code");

        using var codeClient = NewClient();
        using var password = await codeClient.PostLoginFormAsync(email, Password);
        password.Headers.Location!.OriginalString.ShouldContain("Account/LoginWith2fa");
        using var wrong = await codeClient.PostFormAsync(password.Headers.Location.OriginalString, new() { ["Input.Code"] = "000000" == Totp.Code(key) ? "111111" : "000000" });
        (await wrong.Content.ReadAsStringAsync(Cancel)).ShouldContain("The code is not right");
        using var right = await codeClient.PostFormAsync(password.Headers.Location.OriginalString, new() { ["Input.Code"] = Totp.Code(key) });
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await codeClient.GetAsync(new Uri("/account", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var recoveryClient = NewClient();
        using var again = await recoveryClient.PostLoginFormAsync(email, Password);
        using var recovery = await recoveryClient.PostFormAsync("/Account/LoginWithRecoveryCode", new() { ["Input.Code"] = recoveryCodes[0].ToLowerInvariant() });
        recovery.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await recoveryClient.GetStringAsync(new Uri("/Account/Manage/TwoStep", UriKind.Relative), Cancel)).ShouldContain("You have 9 recovery codes left");
    }

    [Fact]
    public async Task An_officer_without_two_step_verification_is_sent_to_set_it_up_before_any_officer_page()
    {
        var email = $"officer.{Guid.NewGuid():N}@example.com";
        await WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<HousingUser>>();
            var officer = new HousingUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "New Officer" };
            (await users.CreateAsync(officer, Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(officer, AppRoles.Officer)).Succeeded.ShouldBeTrue();
            return officer;
        });
        using var client = await app.SignedInClientAsync(email, Password);

        using var home = await client.GetAsync(new Uri("/?page=2", UriKind.Relative), Cancel);
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.OriginalString.ShouldBe("/Account/Manage/EnableAuthenticator?ReturnUrl=%2F%3Fpage%3D2");
        var enrolPage = await client.GetStringAsync(home.Headers.Location.OriginalString, Cancel);
        enrolPage.ShouldContain("Officers must use two-step verification");
        enrolPage.ShouldContain("<svg");

        await EnrolAuthenticatorAsync(client, home.Headers.Location.OriginalString);
        using var after = await client.GetAsync(new Uri("/", UriKind.Relative), Cancel);
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await after.Content.ReadAsStringAsync(Cancel)).ShouldContain("signed in as a housing officer");
    }

    [Fact]
    public async Task The_demo_officer_signs_in_with_the_documented_authenticator_key()
    {
        using var anonymous = NewClient();
        using var password = await anonymous.PostLoginFormAsync($"officer@{DemoSignIns.EmailDomain}", DemoSignIns.Password);
        password.Headers.Location!.OriginalString.ShouldContain("Account/LoginWith2fa", customMessage: "the demo officer needs a security code too");

        using var officer = await app.SignedInClientAsync($"officer@{DemoSignIns.EmailDomain}", DemoSignIns.Password);
        using var home = await officer.GetAsync(new Uri("/", UriKind.Relative), Cancel);
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await home.Content.ReadAsStringAsync(Cancel)).ShouldContain("signed in as a housing officer");
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_other_sessions_too()
    {
        var (first, email) = await NewConfirmedResidentAsync();
        using var _1 = first;
        using var second = await app.SignedInClientAsync(email, Password);
        (await second.GetAsync(new Uri("/account", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var everywhere = await first.PostFormAsync("/account", [], "form[action='Account/Manage/SignOutEverywhere']");
        everywhere.Headers.Location!.OriginalString.ShouldEndWith("/Account/Login");

        using var later = await second.GetAsync(new Uri("/account", UriKind.Relative), Cancel);
        later.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        later.Headers.Location!.OriginalString.ShouldContain("Account/Login");
    }

    [Fact]
    public async Task A_linked_resident_downloads_their_data_and_deletes_their_account_leaving_council_records_alone()
    {
        var household = DemoData.Households[42];
        var (client, email) = await NewConfirmedResidentAsync();
        using var _1 = client;
        (await PostLinkAsync(client, household.PaymentReference, household.DateOfBirth, household.Postcode)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var download = await client.PostFormAsync("/account", [], "form[action='Account/Manage/DownloadPersonalData']");
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var data = JsonDocument.Parse(await download.Content.ReadAsStringAsync(Cancel));
        data.RootElement.GetProperty("account").GetProperty("Email").GetString().ShouldBe(email);
        data.RootElement.GetProperty("tenancyLinks")[0].GetProperty("paymentReference").GetString().ShouldBe(household.PaymentReference);
        data.RootElement.GetProperty("account").TryGetProperty("PasswordHash", out _).ShouldBeFalse();

        using var wrongPassword = await client.PostFormAsync("/Account/Manage/Delete", new() { ["Input.Code"] = "not my password at all" });
        (await wrongPassword.Content.ReadAsStringAsync(Cancel)).ShouldContain("Your password is not right");
        using var delete = await client.PostFormAsync("/Account/Manage/Delete", new() { ["Input.Code"] = Password });
        delete.Headers.Location!.OriginalString.ShouldContain("Account/Deleted");

        await WithServicesAsync(async services =>
        {
            (await services.GetRequiredService<UserManager<HousingUser>>().FindByEmailAsync(email)).ShouldBeNull();
            (await services.GetRequiredService<HousingDbContext>().TenancyLinks.AnyAsync(l => l.TenureId == household.TenureId, Cancel)).ShouldBeFalse();
            return 0;
        });
        var tenure = await app.Services.GetRequiredService<HousingSelfService.CouncilApi.Client.Tenures.ITenuresApi>().GetTenureAsync(household.TenureId, Cancel);
        tenure.IsSuccessful.ShouldBeTrue("the council's tenure is untouched");
        (await client.GetAsync(new Uri("/account", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Passkey_options_come_from_identity_for_the_signed_in_user_with_an_antiforgery_token_only()
    {
        var (client, email) = await NewConfirmedResidentAsync();
        using var _1 = client;
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri("/Account/Manage/Passkeys", UriKind.Relative), Cancel), Cancel);
        page.QuerySelector("[data-testid=no-passkeys]").ShouldNotBeNull();
        var submit = page.QuerySelector("passkey-submit")!;

        using var withoutToken = await client.PostAsync(new Uri("/Account/PasskeyCreationOptions", UriKind.Relative), null, Cancel);
        withoutToken.IsSuccessStatusCode.ShouldBeFalse();

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/PasskeyCreationOptions", UriKind.Relative));
        request.Headers.Add(submit.GetAttribute("request-token-name")!, submit.GetAttribute("request-token-value"));
        using var response = await client.SendAsync(request, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var options = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        options.RootElement.GetProperty("challenge").GetString().ShouldNotBeNullOrEmpty();
        options.RootElement.GetProperty("user").GetProperty("name").GetString().ShouldBe(email);
        options.RootElement.GetProperty("rp").GetProperty("id").GetString().ShouldBe("localhost");
    }

    [Fact]
    public async Task A_resident_changes_their_email_address_once_they_open_the_link_sent_to_the_new_one()
    {
        var (client, email) = await NewConfirmedResidentAsync();
        using var _1 = client;
        var newEmail = $"changed.{Guid.NewGuid():N}@example.com";

        using var change = await client.PostFormAsync("/Account/Manage/Email", new() { ["Input.Email"] = newEmail });
        change.Headers.Location!.OriginalString.ShouldContain("account?done=email-sent");
        (await WithServicesAsync(services => services.GetRequiredService<UserManager<HousingUser>>().FindByEmailAsync(email))).ShouldNotBeNull("nothing changes until the link is opened");

        var confirm = await client.GetStringAsync(LinkIn(LastEmailTo(newEmail, AccountEmails.ConfirmEmailChangeTemplateId)), Cancel);
        confirm.ShouldContain("Your email address has been changed");
        using var anonymous = NewClient();
        (await anonymous.PostLoginFormAsync(newEmail, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await anonymous.PostLoginFormAsync(email, Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_session_time_out_warning_is_on_signed_in_pages_and_stay_signed_in_renews_the_cookie()
    {
        var (client, _) = await NewConfirmedResidentAsync();
        using var _1 = client;

        var page = await client.GetStringAsync(new Uri("/account", UriKind.Relative), Cancel);
        page.ShouldContain($"data-session-timeout=\"{(int)SessionTimeout.Default.Idle.TotalSeconds}\"");
        page.ShouldContain("value=\"Account/Login?TimedOut=true\"");

        using var keepAlive = await client.PostFormAsync("/account", [], "form[data-session-keepalive]");
        keepAlive.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        keepAlive.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(".HousingSelfService.Auth=", StringComparison.Ordinal));

        using var anonymous = NewClient();
        (await anonymous.GetStringAsync(new Uri("/", UriKind.Relative), Cancel)).ShouldNotContain("data-session-timeout");
        (await anonymous.GetStringAsync(new Uri("/Account/Login?TimedOut=true", UriKind.Relative), Cancel)).ShouldContain("We signed you out because you had not done anything for 30 minutes");
    }

    private async Task<(HttpClient Client, string Email)> NewConfirmedResidentAsync()
    {
        var email = $"resident.{Guid.NewGuid():N}@example.com";
        await WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<HousingUser>>();
            var user = new HousingUser { UserName = email, Email = email, EmailConfirmed = true };
            (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, AppRoles.Resident)).Succeeded.ShouldBeTrue();
            return user;
        });
        return (await app.SignedInClientAsync(email, Password), email);
    }

    private static async Task<(string Key, List<string> RecoveryCodes)> EnrolAuthenticatorAsync(HttpClient client, string enrolUrl)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri(enrolUrl, UriKind.Relative)));
        var key = page.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        using var response = await client.PostFormAsync(enrolUrl, new() { ["Input.Code"] = Totp.Code(key) });
        var result = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var codes = result.QuerySelectorAll("[data-testid=recovery-codes] code").Select(c => c.TextContent.Trim()).ToList();
        codes.ShouldNotBeEmpty("the page shows recovery codes once the authenticator is verified");
        return (key, codes);
    }

    private static Task<HttpResponseMessage> PostLinkAsync(HttpClient client, string reference, DateOnly born, string postcode) =>
        client.PostFormAsync("/Account/LinkTenancy", LinkFields(reference, born, postcode));

    private static Dictionary<string, string> LinkFields(string reference, DateOnly born, string postcode) => new()
        {
            ["Input.PaymentReference"] = reference,
            ["Input.Day"] = born.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Month"] = born.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Year"] = born.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Postcode"] = postcode,
        };

    private SentNotification LastEmailTo(string email, string templateId) =>
        app.Services.GetRequiredService<NotificationFolder>().ReadAll().Last(n => n.Recipient == email && n.TemplateId == templateId);

    private static Uri LinkIn(SentNotification email) => new(LinkPattern().Match(email.Body).Value);

    private async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("(?s)<div class=\"error-summary\".*?</div>")]
    private static partial Regex ErrorSummaryText();
}
