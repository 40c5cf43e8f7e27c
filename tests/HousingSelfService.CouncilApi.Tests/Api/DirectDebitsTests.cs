using System.Net;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.DirectDebits;
using Shouldly;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Api;

[Collection(SharedCouncilApi.Name)]
public sealed class DirectDebitsTests(CouncilApiFixture api)
{
    private static readonly CreateDirectDebitRequest Valid = new("Mei Osei", "309070", "12345677", 15, 120.50m);

    [Fact]
    public async Task A_mandate_is_set_up_with_only_the_last_4_digits_kept_and_a_change_replaces_it()
    {
        var tenureId = DemoData.Households[^4].TenureId;

        var created = await CreateAsync(tenureId, Valid, Guid.NewGuid().ToString());
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var json = await CouncilApiFixture.JsonAsync(created);
        json.ShouldHaveProperties("id", "targetId", "accountHolder", "sortCode", "accountNumberEnding", "collectionDay", "amount", "status", "firstCollectionDate", "createdAt");
        json.TryGetProperty("accountNumber", out _).ShouldBeFalse();
        json.GetRawText().ShouldNotContain("12345677");
        var first = await CouncilApiFixture.ReadAsync<DirectDebitMandate>(created);
        first.AccountNumberEnding.ShouldBe("5677");
        first.Status.ShouldBe(MandateStatus.Active);
        first.FirstCollectionDate.Day.ShouldBe(15);
        first.FirstCollectionDate.ShouldBeGreaterThanOrEqualTo(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10));

        var changed = await CouncilApiFixture.ReadAsync<DirectDebitMandate>(
            await CreateAsync(tenureId, Valid with { SortCode = "089999", AccountNumber = "66374958", Amount = 130m }, Guid.NewGuid().ToString()));

        var list = await CouncilApiFixture.ReadAsync<DirectDebitsResponse>(await api.GetAsync($"api/v1/directdebits?targetId={tenureId}"));
        list.Results.Select(m => (m.Id, m.Status)).ShouldBe([(changed.Id, MandateStatus.Active), (first.Id, MandateStatus.Cancelled)]);
    }

    [Fact]
    public async Task Cancelling_ends_the_mandate_and_another_tenure_cannot_cancel_it()
    {
        var tenureId = DemoData.Households[^5].TenureId;
        var mandate = await CouncilApiFixture.ReadAsync<DirectDebitMandate>(await CreateAsync(tenureId, Valid, Guid.NewGuid().ToString()));

        (await api.SendAsync(HttpMethod.Delete, $"api/v1/directdebits/{mandate.Id}?targetId={DemoData.Households[^6].TenureId}"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.SendAsync(HttpMethod.Delete, $"api/v1/directdebits/{mandate.Id}?targetId={tenureId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var list = await CouncilApiFixture.ReadAsync<DirectDebitsResponse>(await api.GetAsync($"api/v1/directdebits?targetId={tenureId}"));
        list.Results.ShouldHaveSingleItem().Status.ShouldBe(MandateStatus.Cancelled);
    }

    [Fact]
    public async Task The_same_key_replays_the_same_mandate()
    {
        var tenureId = DemoData.Households[^7].TenureId;
        var key = Guid.NewGuid().ToString();
        var first = await CouncilApiFixture.ReadAsync<DirectDebitMandate>(await CreateAsync(tenureId, Valid, key));
        var again = await CreateAsync(tenureId, Valid, key);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await CouncilApiFixture.ReadAsync<DirectDebitMandate>(again)).Id.ShouldBe(first.Id);
        (await CreateAsync(DemoData.Households[^8].TenureId, Valid, key)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("accountNumber", "309070", "12345678", "Mei Osei", 15, "120.50")]
    [InlineData("accountNumber", "309070", "1234", "Mei Osei", 15, "120.50")]
    [InlineData("sortCode", "30-90-70", "12345677", "Mei Osei", 15, "120.50")]
    [InlineData("accountHolder", "309070", "12345677", "<script>alert(1)</script>", 15, "120.50")]
    [InlineData("collectionDay", "309070", "12345677", "Mei Osei", 31, "120.50")]
    [InlineData("amount", "309070", "12345677", "Mei Osei", 15, "-5")]
    [InlineData("amount", "309070", "12345677", "Mei Osei", 15, "10.005")]
    public async Task Invalid_mandates_are_400_naming_the_field_and_nothing_is_stored(string field, string sortCode, string account, string holder, int day, string amount)
    {
        var tenureId = DemoData.Households[^9].TenureId;
        var request = new CreateDirectDebitRequest(holder, sortCode, account, day, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));

        var response = await CreateAsync(tenureId, request, Guid.NewGuid().ToString());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CouncilApiFixture.ReadAsync<ValidationFailedResponse>(response)).Errors.Keys.ShouldBe([field]);
        (await CouncilApiFixture.ReadAsync<DirectDebitsResponse>(await api.GetAsync($"api/v1/directdebits?targetId={tenureId}"))).Results.ShouldBeEmpty();
    }

    [Fact]
    public async Task Unknown_tenures_are_404()
    {
        (await api.GetAsync($"api/v1/directdebits?targetId={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CreateAsync(Guid.NewGuid(), Valid, Guid.NewGuid().ToString())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private Task<HttpResponseMessage> CreateAsync(Guid tenureId, CreateDirectDebitRequest request, string key) =>
        api.SendAsync(HttpMethod.Post, $"api/v1/directdebits?targetId={tenureId}", request,
            new Dictionary<string, string> { [CouncilApiHeaders.IdempotencyKey] = key });
}
