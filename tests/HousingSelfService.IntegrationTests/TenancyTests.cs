using System.Net;
using System.Security.Claims;
using HousingSelfService.CouncilApi;
using HousingSelfService.CouncilApi.Client.ContactDetails;
using HousingSelfService.IntegrationTests.Infrastructure;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Tenancy;
using HousingSelfService.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HousingSelfService.IntegrationTests;

/// <summary>The tenancy pages through the whole app and the reference API: own data only, and officers' changes never overwritten.</summary>
public sealed class TenancyTests(HousingAppFactory app) : IClassFixture<HousingAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task My_tenancy_shows_the_residents_own_payment_reference_and_no_other_households()
    {
        using var client = await app.SignedInClientAsync("credit@demo.housing.test", DemoSignIns.Password);
        var mine = DemoData.Featured[1];

        using var response = await client.GetAsync(new Uri("/tenancy", UriKind.Relative), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        html.ShouldContain(mine.PaymentReference);
        var text = ResidentDataBoundaryTests.TextOf(html);
        text.ShouldContain("Secure tenancy");
        foreach (var other in DemoData.Featured.Where(h => h != mine))
        {
            html.ShouldNotContain(other.PaymentReference);
        }
    }

    [Fact]
    public async Task Another_households_contact_detail_id_in_the_url_is_not_found_and_shows_nothing_of_it()
    {
        var others = DemoData.Featured[4];
        using var created = await Contacts.CreateContactDetailAsync(new CreateContactDetailRequest
        {
            TargetId = others.PersonId,
            ContactInformation = new ContactInformation { ContactType = ContactType.Email, Value = "not.for.you@example.com" },
        }, Guid.NewGuid().ToString(), Cancel);
        var id = created.Content!.Id;
        using var client = await app.SignedInClientAsync("arrears@demo.housing.test", DemoSignIns.Password);

        foreach (var url in new[] { $"/tenancy/contact-details/{id}/change", $"/tenancy/contact-details/{id}/remove" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            var page = await response.Content.ReadAsStringAsync(Cancel);
            page.ShouldContain("Page not found");
            page.ShouldNotContain("not.for.you@example.com");
        }
    }

    [Fact]
    public async Task A_letter_downloads_for_the_residents_own_tenancy_and_unknown_letters_are_not_found()
    {
        using var client = await app.SignedInClientAsync("introductory@demo.housing.test", DemoSignIns.Password);
        var mine = DemoData.Featured[2];

        using var letter = await client.GetAsync(new Uri("/tenancy/letters/welcome", UriKind.Relative), Cancel);
        using var unknown = await client.GetAsync(new Uri("/tenancy/letters/no-such-letter", UriKind.Relative), Cancel);
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signedOut = await anonymous.GetAsync(new Uri("/tenancy/letters/welcome", UriKind.Relative), Cancel);

        letter.StatusCode.ShouldBe(HttpStatusCode.OK);
        letter.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var text = await letter.Content.ReadAsStringAsync(Cancel);
        text.ShouldContain(mine.PaymentReference);
        text.ShouldContain("Your Introductory tenancy");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_contact_edit_after_an_officers_change_gets_409_which_is_explained_and_the_officers_change_stays()
    {
        var household = DemoData.Featured[3];
        await using var scope = await SignedInScopeAsync("leaseholder@demo.housing.test");
        var tenancy = scope.ServiceProvider.GetRequiredService<TenancyService>();
        (await tenancy.AddContactAsync(ContactType.Phone, ContactSubType.Home, "020 7946 0411", false, Guid.NewGuid().ToString(), Cancel))
            .Outcome.ShouldBe(ChangeOutcome.Saved);
        var seen = (await tenancy.LoadContactsAsync(Cancel)).Value!.Phones.Single(p => p.Value == "020 7946 0411");

        using (var officer = await Contacts.UpdateContactDetailAsync(seen.Id, household.PersonId, new UpdateContactDetailRequest(
            new ContactInformation { ContactType = ContactType.Phone, Value = "020 7946 0422" }), $"\"{seen.Version}\"", Cancel))
        {
            officer.IsSuccessStatusCode.ShouldBeTrue();
        }

        var result = await tenancy.ChangeContactAsync(seen, ContactSubType.Home, "020 7946 0433", false, Cancel);

        result.Outcome.ShouldBe(ChangeOutcome.Conflict);
        result.Current!.Value.ShouldBe("020 7946 0422");
        using var stored = await Contacts.GetContactDetailsAsync(household.PersonId, Cancel);
        stored.Content!.Results.Single(c => c.Id == seen.Id).ContactInformation.Value.ShouldBe("020 7946 0422");
        (await tenancy.RemoveContactAsync(seen, Cancel)).Outcome.ShouldBe(ChangeOutcome.Conflict);
    }

    private IContactDetailsApi Contacts => app.Services.GetRequiredService<IContactDetailsApi>();

    /// <summary>A DI scope signed in as a demo resident, as a Blazor circuit would be.</summary>
    private async Task<AsyncServiceScope> SignedInScopeAsync(string email)
    {
        var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<HousingUser>>().FindByEmailAsync(email);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user!.Id), new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Role, AppRoles.Resident)], "Test"));
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }
}
