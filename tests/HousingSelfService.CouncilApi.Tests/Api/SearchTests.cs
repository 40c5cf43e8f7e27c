using System.Net;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Api;

/// <summary>The housing search family: Hackney's <c>{results: {…}, total}</c> shape, matching and paging, and the typed client.</summary>
[Collection(SharedCouncilApi.Name)]
public sealed class SearchTests(CouncilApiFixture api)
{
    [Fact]
    public async Task Person_search_has_the_housing_search_shape()
    {
        var household = DemoData.Featured[0];
        var response = await api.GetAsync($"api/v1/search/persons?searchText={household.PaymentReference}&page=1&pageSize=12");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await CouncilApiFixture.JsonAsync(response);
        json.ShouldHaveProperties("results", "total");
        json.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        var person = json.GetProperty("results").GetProperty("persons")[0];
        // Empty optional fields (title, middleName, preferred names, endDate) are left out, as elsewhere on the platform.
        person.ShouldHaveProperties("id", "firstname", "surname", "dateOfBirth", "personTypes", "tenures");
        var tenure = person.GetProperty("tenures")[0];
        tenure.ShouldHaveProperties("id", "type", "totalBalance", "startDate", "assetFullAddress", "postCode", "paymentReference", "isActive");
    }

    [Fact]
    public async Task Tenure_search_has_the_housing_search_shape()
    {
        var household = DemoData.Featured[1];
        var response = await api.GetAsync($"api/v1/search/tenures?searchText={household.PaymentReference}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await CouncilApiFixture.JsonAsync(response);
        json.GetProperty("total").GetInt32().ShouldBe(1);
        var tenure = json.GetProperty("results").GetProperty("tenures")[0];
        tenure.ShouldHaveProperties("id", "paymentReference", "householdMembers", "tenuredAsset", "startOfTenureDate", "tenureType", "isActive");
        tenure.GetProperty("id").GetGuid().ShouldBe(household.TenureId);
        tenure.GetProperty("tenuredAsset").ShouldHaveProperties("id", "fullAddress", "uprn", "type");
        tenure.GetProperty("householdMembers")[0].ShouldHaveProperties("id", "fullName", "isResponsible", "personTenureType");
    }

    [Fact]
    public async Task Persons_are_found_by_name_address_postcode_and_payment_reference()
    {
        var household = DemoData.Featured[2];
        var search = Client();

        var byName = await search.SearchPersonsAsync($"{household.FirstName} {household.Surname}", cancellationToken: TestContext.Current.CancellationToken);
        var byPostcode = await search.SearchPersonsAsync(household.Postcode.ToLowerInvariant(), pageSize: 100, cancellationToken: TestContext.Current.CancellationToken);
        var byPostcodeWithoutSpace = await search.SearchPersonsAsync(household.Postcode.Replace(" ", "", StringComparison.Ordinal), pageSize: 100, cancellationToken: TestContext.Current.CancellationToken);
        var byReference = await search.SearchPersonsAsync(household.PaymentReference, cancellationToken: TestContext.Current.CancellationToken);
        var address = byReference.Results.Persons.Single(p => p.Id == household.PersonId).Tenures[0].AssetFullAddress;
        var byAddress = await search.SearchPersonsAsync(address.Split(',')[0], pageSize: 100, cancellationToken: TestContext.Current.CancellationToken);

        byName.Results.Persons.Select(p => p.Id).ShouldContain(household.PersonId);
        byPostcode.Results.Persons.Select(p => p.Id).ShouldContain(household.PersonId);
        byPostcodeWithoutSpace.Results.Persons.Select(p => p.Id).ShouldContain(household.PersonId);
        byAddress.Results.Persons.Select(p => p.Id).ShouldContain(household.PersonId);
        byReference.Results.Persons.ShouldAllBe(p => p.Tenures.Any(t => t.PaymentReference == household.PaymentReference));
        byReference.Results.Persons[0].Tenures[0].PaymentReference.ShouldBe(household.PaymentReference);
    }

    [Fact]
    public async Task Pages_split_the_matches_and_total_counts_them_all()
    {
        var search = Client();
        var first = await search.SearchPersonsAsync("ee", 1, 2, TestContext.Current.CancellationToken);
        var everyone = await search.SearchPersonsAsync("ee", 1, 100, TestContext.Current.CancellationToken);
        everyone.Total.ShouldBeGreaterThan(3);
        var second = await search.SearchPersonsAsync("ee", 2, 2, TestContext.Current.CancellationToken);

        first.Total.ShouldBe(everyone.Total);
        first.Results.Persons.Count.ShouldBe(Math.Min(2, everyone.Total));
        second.Results.Persons.Select(p => p.Id).ShouldBe(everyone.Results.Persons.Skip(2).Take(2).Select(p => p.Id));
    }

    [Fact]
    public async Task Nothing_found_is_an_empty_list_not_an_error()
    {
        var result = await Client().SearchTenuresAsync("zzzz-no-such-person", cancellationToken: TestContext.Current.CancellationToken);

        result.Total.ShouldBe(0);
        result.Results.Tenures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("api/v1/search/persons?searchText=a")]
    [InlineData("api/v1/search/persons")]
    [InlineData("api/v1/search/tenures?searchText=smith&page=0")]
    [InlineData("api/v1/search/tenures?searchText=smith&pageSize=500")]
    [InlineData("api/v1/search/persons?searchText=%3Cscript%3E")]
    public async Task Bad_search_parameters_are_400_with_field_errors(string url)
    {
        var response = await api.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CouncilApiFixture.JsonAsync(response)).ShouldHaveProperties("status", "message", "errors");
    }

    [Fact]
    public async Task Search_needs_a_token()
    {
        (await api.GetAsync("api/v1/search/persons?searchText=smith", token: null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private ISearchApi Client()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CouncilApi:BaseAddress"] = api.Running.BaseAddress.ToString(),
            ["CouncilApi:SigningKey"] = CouncilApiFixture.SigningKey,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddCouncilApiClients(configuration).BuildServiceProvider();
        return services.GetRequiredService<ISearchApi>();
    }
}
