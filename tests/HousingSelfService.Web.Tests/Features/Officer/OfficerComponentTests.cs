using System.Security.Claims;
using Bunit;
using HousingSelfService.Web.Features.Assist;
using HousingSelfService.Web.Features.Home.Pages;
using HousingSelfService.Web.Features.Officer;
using HousingSelfService.Web.Features.Officer.Pages;
using HousingSelfService.Web.Infrastructure;
using HousingSelfService.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Officer;

/// <summary>The assist banner, assist mode on a resident page, and the officer search page, against the real reference API.</summary>
public sealed class OfficerComponentTests : MudComponentTest
{
    private readonly AppTestServices _app;

    public OfficerComponentTests(ReferenceApiFixture api)
    {
        _app = new AppTestServices(this, api);
        Services.AddSingleton<AuditTrail>();
        Services.AddSingleton<AssistSessions>();
        Services.AddSingleton<IAssistedViewerSource>(provider => provider.GetRequiredService<AssistSessions>());
        Services.AddScoped<ResidentSearchService>();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _app.Dispose();
        }

        base.Dispose(disposing);
    }

    [Fact]
    public async Task The_banner_names_the_officer_and_the_resident_and_posts_to_end_assist()
    {
        await AssistAsync(Households.DampRepair);

        var cut = Render<AssistBanner>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=assist-banner]").Count.ShouldBe(1));
        cut.Find("[data-testid=assist-officer]").TextContent.ShouldBe("Sam Officer");
        cut.Find("[data-testid=assist-resident]").TextContent.ShouldBe($"{Households.DampRepair.FirstName} {Households.DampRepair.Surname}");
        cut.Find("section").GetAttribute("aria-label").ShouldBe("Assist mode");
        var form = cut.Find("form");
        form.GetAttribute("action").ShouldBe("officer/assist/end");
        form.GetAttribute("method").ShouldBe("post");
        cut.Find("input[name=_handler]").GetAttribute("value").ShouldBe(AssistBanner.EndFormName);
        cut.Find("button[type=submit]").TextContent.ShouldBe("End assist");
    }

    [Fact]
    public void There_is_no_banner_for_an_officer_who_is_not_assisting_or_for_a_resident()
    {
        SignInOfficer();
        Render<AssistBanner>().FindAll("[data-testid=assist-banner]").ShouldBeEmpty();

        _app.SignInResident(Households.DampRepair);
        Render<AssistBanner>().FindAll("[data-testid=assist-banner]").ShouldBeEmpty();
    }

    [Fact]
    public async Task In_assist_mode_the_home_page_is_the_residents_dashboard()
    {
        await AssistAsync(Households.Arrears);

        var cut = Render<HomePage>();

        cut.WaitForAssertion(() => cut.FindAll("[role=status]").ShouldBeEmpty(), TimeSpan.FromSeconds(30));
        cut.Find("h1").TextContent.ShouldContain(Households.Arrears.Surname);
        cut.Find("[data-testid=balance]").TextContent.ShouldStartWith("You owe £");
    }

    [Fact]
    public void Searching_by_payment_reference_lists_the_resident_with_a_link_to_their_record()
    {
        SignInOfficer();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"officer?q={Households.Credit.PaymentReference}");

        var cut = Render<SearchPage>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=results] li").Count.ShouldBe(1), TimeSpan.FromSeconds(30));
        cut.Find("[data-testid=results-count]").TextContent.ShouldBe($"1 resident found for ‘{Households.Credit.PaymentReference}’");
        var link = cut.Find("[data-testid=results] a");
        link.TextContent.ShouldBe($"{Households.Credit.FirstName} {Households.Credit.Surname}");
        link.GetAttribute("href").ShouldBe($"officer/residents/{Households.Credit.PersonId}");
        cut.Find("[data-testid=results]").TextContent.ShouldContain(Households.Credit.Postcode);
        cut.FindAll("[data-testid=pagination]").ShouldBeEmpty();
    }

    [Fact]
    public void Many_matches_are_split_into_pages_with_next_and_previous_links()
    {
        SignInOfficer();
        Services.GetRequiredService<NavigationManager>().NavigateTo("officer?q=Flat&page=2");

        var cut = Render<SearchPage>();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=results] li").ShouldNotBeEmpty(), TimeSpan.FromSeconds(30));
        cut.FindAll("[data-testid=results] li").Count.ShouldBeLessThanOrEqualTo(ResidentSearchService.PageSize);
        var pages = cut.Find("[data-testid=pagination]");
        pages.GetAttribute("aria-label").ShouldBe("Results pages");
        pages.TextContent.ShouldContain("Page 2 of");
        cut.Find("a[rel=prev]").GetAttribute("href").ShouldBe("officer?q=Flat&page=1");
    }

    [Fact]
    public void A_search_too_short_shows_the_error_summary_linked_to_the_box_and_no_results()
    {
        SignInOfficer();
        Services.GetRequiredService<NavigationManager>().NavigateTo("officer?q=a");

        var cut = Render<SearchPage>();

        cut.Find("[data-testid=error-summary] a").GetAttribute("href").ShouldBe("#q");
        cut.Find("#q").GetAttribute("aria-invalid").ShouldBe("true");
        cut.Find("#q-error").TextContent.ShouldContain("Enter at least 2 letters or numbers");
        cut.FindAll("[data-testid=results]").ShouldBeEmpty();
        cut.FindAll("h1").Count.ShouldBe(1);
    }

    private string SignInOfficer()
    {
        var officerId = Guid.NewGuid().ToString();
        _app.Authorization.SetAuthorized("sam.officer@example.test");
        _app.Authorization.SetRoles(AppRoles.Officer);
        _app.Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, officerId));
        return officerId;
    }

    private async Task AssistAsync(CouncilApi.DemoHousehold household)
    {
        var residentId = _app.SignInResident(household, $"resident-{Guid.NewGuid():N}@example.test");
        var officerId = SignInOfficer();
        await Services.GetRequiredService<AssistSessions>().StartAsync(new OfficerIdentity(officerId, "Sam Officer", "sam.officer@example.test"),
            residentId, $"{household.FirstName} {household.Surname}", household.PersonId, "Testing", Xunit.TestContext.Current.CancellationToken);
    }
}
