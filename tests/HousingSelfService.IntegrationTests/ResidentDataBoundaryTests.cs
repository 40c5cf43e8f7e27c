using System.Net;
using System.Text.RegularExpressions;
using HousingSelfService.CouncilApi;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.IntegrationTests.Infrastructure;
using HousingSelfService.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HousingSelfService.IntegrationTests;

/// <summary>A resident sees only their own household's data, whatever they put in the URL.</summary>
public sealed class ResidentDataBoundaryTests(HousingAppFactory app) : IClassFixture<HousingAppFactory>
{
    [Fact]
    public async Task A_resident_can_open_their_own_repair()
    {
        using var client = await app.SignedInClientAsync("repairs@demo.housing.test", DemoSignIns.Password);
        var own = await WorkOrdersOfAsync(DemoData.Featured[4]);

        using var response = await client.GetAsync(new Uri($"/repairs/{own[0].Reference}", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        TextOf(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(own[0].Description);
    }

    [Fact]
    public async Task Another_households_repair_reference_in_the_url_is_not_found_and_shows_nothing_of_it()
    {
        using var client = await app.SignedInClientAsync("arrears@demo.housing.test", DemoSignIns.Password);
        var othersRepair = (await WorkOrdersOfAsync(DemoData.Featured[4]))[0];

        using var response = await client.GetAsync(new Uri($"/repairs/{othersRepair.Reference}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var unknown = await client.GetAsync(new Uri("/repairs/99999999", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = TextOf(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        page.ShouldContain("Page not found");
        page.ShouldNotContain(othersRepair.Description);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("appointment")]
    [InlineData("cancel")]
    public async Task Another_households_repair_cannot_be_opened_to_move_or_cancel(string action)
    {
        using var client = await app.SignedInClientAsync("arrears@demo.housing.test", DemoSignIns.Password);
        var othersRepair = (await WorkOrdersOfAsync(DemoData.Featured[4]))[0];

        using var response = await client.GetAsync(new Uri($"/repairs/{othersRepair.Reference}/{action}", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = TextOf(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        page.ShouldContain("Page not found");
        page.ShouldNotContain(othersRepair.Description);
    }

    [Fact]
    public async Task The_dashboard_shows_only_the_signed_in_residents_household()
    {
        using var client = await app.SignedInClientAsync("credit@demo.housing.test", DemoSignIns.Password);
        var mine = DemoData.Featured[1];

        var home = TextOf(await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken));

        home.ShouldContain(mine.Postcode);
        home.ShouldMatch(@"You are £[\d,]+\.\d{2} in credit");
        foreach (var other in DemoData.Featured.Where(h => h != mine && h.Postcode != mine.Postcode))
        {
            home.ShouldNotContain(other.Postcode);
        }
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_for_a_repair()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/repairs/10000001", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("Account/Login");
    }

    private async Task<IReadOnlyList<WorkOrder>> WorkOrdersOfAsync(DemoHousehold household)
    {
        var workOrders = await app.Services.GetRequiredService<IRepairsApi>()
            .ListWorkOrdersAsync(household.PropertyReference, cancellationToken: TestContext.Current.CancellationToken);
        workOrders.ShouldNotBeEmpty();
        return workOrders;
    }

    internal static string TextOf(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " "));
}

/// <summary>When one council API family is down, the rest of the dashboard still works.</summary>
public sealed class CouncilApiOutageTests(FinanceOutageAppFactory app) : IClassFixture<FinanceOutageAppFactory>
{
    [Fact]
    public async Task With_the_finance_api_down_the_dashboard_says_so_plainly_and_shows_everything_else()
    {
        using var client = await app.SignedInClientAsync("repairs@demo.housing.test", DemoSignIns.Password);

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var home = ResidentDataBoundaryTests.TextOf(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        home.ShouldContain("We can't show your rent balance right now");
        home.ShouldContain("Hello, ");
        home.ShouldContain(DemoData.Featured[4].Postcode);
        home.ShouldNotContain("We can't show your repairs");
        home.ShouldNotContain("We can't show your tenancy details");
    }
}
