using System.Net;
using HousingSelfService.CouncilApi.Client;
using Shouldly;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Api;

[Collection(SharedCouncilApi.Name)]
public sealed class AuthAndErrorTests(CouncilApiFixture api)
{
    private static string TenureUrl => $"api/v1/tenures/{DemoData.Featured[0].TenureId}";

    [Fact]
    public async Task Health_check_needs_no_token()
    {
        var response = await api.GetAsync("api/v1/healthcheck/ping", token: null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task No_token_is_401_with_the_core_error_body()
    {
        var response = await api.GetAsync(TenureUrl, token: null);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await CouncilApiFixture.JsonAsync(response)).ShouldBeCoreError(401);
    }

    [Theory]
    [InlineData("garbled")]
    [InlineData("wrong-key")]
    [InlineData("expired")]
    public async Task Invalid_tokens_are_401(string kind)
    {
        var token = kind switch
        {
            "garbled" => "not.a.jwt",
            "wrong-key" => CouncilApiFixture.Token(key: "a-completely-different-signing-key-0123456789"),
            _ => CouncilApiFixture.Token(lifetime: TimeSpan.FromMinutes(-5)),
        };
        var response = await api.GetAsync(TenureUrl, token);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await CouncilApiFixture.JsonAsync(response)).ShouldBeCoreError(401);
    }

    [Fact]
    public async Task A_token_without_an_allowed_group_is_403()
    {
        var response = await api.GetAsync(TenureUrl, CouncilApiFixture.Token(groups: ["some-other-service"]));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CouncilApiFixture.JsonAsync(response)).ShouldBeCoreError(403);
    }

    [Fact]
    public async Task Officers_group_is_allowed_too()
    {
        var response = await api.GetAsync(TenureUrl, CouncilApiFixture.Token(groups: ["housing-officers"]));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Finance_auth_failures_use_the_finance_body()
    {
        var url = $"api/v1/accounts?targetId={DemoData.Featured[0].TenureId}";
        var unauthorised = await api.GetAsync(url, token: null);
        unauthorised.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await CouncilApiFixture.JsonAsync(unauthorised)).ShouldBeFinanceError(401);

        var forbidden = await api.GetAsync(url, CouncilApiFixture.Token(groups: ["nobody"]));
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CouncilApiFixture.JsonAsync(forbidden)).ShouldBeFinanceError(403);
    }

    [Fact]
    public async Task Correlation_id_is_echoed_and_put_in_error_bodies()
    {
        var sent = await api.SendAsync(HttpMethod.Get, $"api/v1/tenures/{Guid.NewGuid()}",
            headers: new Dictionary<string, string> { [CouncilApiHeaders.CorrelationId] = "corr-123" });
        sent.Headers.GetValues(CouncilApiHeaders.CorrelationId).Single().ShouldBe("corr-123");
        var body = await CouncilApiFixture.JsonAsync(sent);
        body.ShouldBeCoreError(404);
        body.GetProperty("correlationId").GetString().ShouldBe("corr-123");

        var generated = await api.GetAsync("api/v1/healthcheck/ping", token: null);
        generated.Headers.GetValues(CouncilApiHeaders.CorrelationId).Single().ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("api/v1/persons/{0}")]
    [InlineData("api/v1/assets/{0}")]
    [InlineData("api/v2/workOrders/99999999")]
    [InlineData("api/v2/properties/99999999")]
    [InlineData("api/v1/nothing/here")]
    public async Task Unknown_ids_are_404_with_the_core_body(string template)
    {
        var response = await api.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Guid.NewGuid()));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CouncilApiFixture.JsonAsync(response)).ShouldBeCoreError(404);
    }

    [Fact]
    public async Task Unknown_account_is_404_with_the_finance_body()
    {
        var response = await api.GetAsync($"api/v1/accounts?targetId={Guid.NewGuid()}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CouncilApiFixture.JsonAsync(response)).ShouldBeFinanceError(404);
    }

    [Fact]
    public async Task Unreadable_query_values_are_400_in_the_family_shape()
    {
        var core = await api.GetAsync($"api/v2/workOrders?propertyReference={DemoData.Featured[0].PropertyReference}&pageSize=lots");
        core.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CouncilApiFixture.JsonAsync(core)).ShouldBeCoreError(400);

        var finance = await api.GetAsync($"api/v1/transactions?targetId={DemoData.Featured[0].TenureId}&startDate=yesterday");
        finance.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CouncilApiFixture.JsonAsync(finance)).ShouldBeFinanceError(400);
    }

    [Fact]
    public async Task Malformed_json_is_a_validation_failure()
    {
        var response = await api.SendAsync(HttpMethod.Post, "api/v2/contactDetails", "{not json",
            new Dictionary<string, string> { [CouncilApiHeaders.IdempotencyKey] = Guid.NewGuid().ToString() });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CouncilApiFixture.JsonAsync(response)).ShouldHaveProperties("status", "message", "errors");
    }
}
