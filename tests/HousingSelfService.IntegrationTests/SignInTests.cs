using System.Net;
using System.Text.RegularExpressions;
using HousingSelfService.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using HousingSelfService.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace HousingSelfService.IntegrationTests;

/// <summary>Sign-in over real HTTP: the static SSR form, lockout, and the prerendered dashboard.</summary>
public sealed partial class SignInTests(HousingAppFactory app) : IClassFixture<HousingAppFactory>
{
    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), TestContext.Current.CancellationToken);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Demo_resident_signs_in_and_the_dashboard_is_prerendered_with_their_council_data()
    {
        using var client = NewClient();

        using var signIn = await SignInAsync(client, "arrears@demo.housing.test", DemoSignIns.Password);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var main = System.Net.WebUtility.HtmlDecode(Regex.Replace(home[home.IndexOf("<main", StringComparison.Ordinal)..], "<[^>]+>", " "));
        main.ShouldContain("Hello, ");
        main.ShouldMatch(@"You owe £[\d,]+\.\d{2}");
        main.ShouldContain("Secure tenancy");
        Regex.Count(home, "<h1").ShouldBe(1);
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_summary_linked_to_the_field()
    {
        using var client = NewClient();

        using var response = await SignInAsync(client, "credit@demo.housing.test", "not-the-password");
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        page.ShouldContain("<title>Error: Sign in");
        page.ShouldContain("role=\"alert\"");
        page.ShouldContain("<a href=\"#email\">Enter the right email address and password.");
        page.ShouldContain("aria-describedby=\"email-error\"");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password()
    {
        using var client = NewClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await SignInAsync(client, "introductory@demo.housing.test", "not-the-password");
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var fifth = await SignInAsync(client, "introductory@demo.housing.test", "not-the-password");
        fifth.Headers.Location!.ToString().ShouldEndWith("/Account/Lockout");
        using var right = await SignInAsync(client, "introductory@demo.housing.test", DemoSignIns.Password);
        right.Headers.Location!.ToString().ShouldEndWith("/Account/Lockout");
    }

    [Fact]
    public async Task Unknown_address_is_a_friendly_404()
    {
        using var client = NewClient();

        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Page not found");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
