using System.Net;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.Agreements;
using Shouldly;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Api;

[Collection(SharedCouncilApi.Name)]
public sealed class AgreementsTests(CouncilApiFixture api)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task An_arrangement_is_made_live_for_an_account_in_arrears_and_a_new_one_replaces_it()
    {
        var household = DemoData.Featured[0]; // in arrears
        var first = await CreateAsync(household.PaymentReference, new CreateAgreementRequest("informal", 10m, AgreementFrequency.Weekly, Today, null));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var json = await CouncilApiFixture.JsonAsync(first);
        json.ShouldHaveProperties("id", "tenancy_agreement_ref", "agreement_type", "starting_balance", "amount", "frequency", "start_date", "current_state", "created_at", "created_by");
        json.GetProperty("current_state").GetString().ShouldBe("live");
        json.GetProperty("frequency").GetString().ShouldBe("weekly");

        (await CreateAsync(household.PaymentReference, new CreateAgreementRequest("informal", 20m, AgreementFrequency.FourWeekly, Today.AddDays(7), "Paid on payday")))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var list = await CouncilApiFixture.ReadAsync<AgreementsResponse>(await api.GetAsync($"api/v1/agreements/{household.PaymentReference}"));
        list.Agreements.Select(a => (a.Amount, a.CurrentState)).ShouldBe([(20m, AgreementState.Live), (10m, AgreementState.Cancelled)]);
        list.Agreements[0].CreatedBy.ShouldContain(CouncilApiFixture.ActorName);
    }

    [Fact]
    public async Task An_account_in_credit_has_nothing_to_arrange()
    {
        var household = DemoData.Featured[1]; // in credit
        var response = await CreateAsync(household.PaymentReference, new CreateAgreementRequest("informal", 10m, AgreementFrequency.Weekly, Today, null));
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("amount", "court", "10", 0, null)]
    [InlineData("amount", "informal", "0", 0, null)]
    [InlineData("amount", "informal", "10.001", 0, null)]
    [InlineData("start_date", "informal", "10", -1, null)]
    [InlineData("start_date", "informal", "10", 40, null)]
    [InlineData("notes", "informal", "10", 0, "<script>alert(1)</script>")]
    public async Task Invalid_arrangements_are_400_naming_the_field(string field, string type, string amount, int startInDays, string? notes)
    {
        var request = new CreateAgreementRequest(type, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), AgreementFrequency.Monthly,
            Today.AddDays(startInDays), notes);

        var response = await CreateAsync(DemoData.Featured[0].PaymentReference, request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await CouncilApiFixture.ReadAsync<ValidationFailedResponse>(response)).Errors.Keys.ToList();
        errors.ShouldContain(field == "amount" && type == "court" ? "agreement_type" : field);
    }

    [Fact]
    public async Task Unknown_tenancies_are_404() =>
        (await api.GetAsync("api/v1/agreements/0000000000")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public void Time_to_clear_counts_whole_instalments_from_the_start()
    {
        var start = new DateOnly(2026, 11, 30);
        AgreementSchedule.TimeToClear(100m, 10m, AgreementFrequency.Weekly, start).ShouldBe((10, new DateOnly(2027, 2, 1)));
        AgreementSchedule.TimeToClear(101m, 10m, AgreementFrequency.Fortnightly, start).ShouldBe((11, new DateOnly(2027, 4, 19)));
        AgreementSchedule.TimeToClear(30m, 10m, AgreementFrequency.Monthly, new DateOnly(2026, 1, 31)).ShouldBe((3, new DateOnly(2026, 3, 31)));
        AgreementSchedule.TimeToClear(5m, 10m, AgreementFrequency.FourWeekly, start).ShouldBe((1, start));
        AgreementSchedule.InstalmentsDue(start, AgreementFrequency.Weekly, start.AddDays(13)).ShouldBe(2);
    }

    private Task<HttpResponseMessage> CreateAsync(string tenancyRef, CreateAgreementRequest request) =>
        api.SendAsync(HttpMethod.Post, $"api/v1/agreement/{tenancyRef}", request,
            new Dictionary<string, string> { [CouncilApiHeaders.IdempotencyKey] = Guid.NewGuid().ToString() });
}
