using System.Net;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.Finance;
using HousingSelfService.CouncilApi.Client.Payments;
using Shouldly;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Api;

/// <summary>The GOV.UK Pay-shaped payments API and its hosted test card page, driven as a browser would.</summary>
[Collection(SharedCouncilApi.Name)]
public sealed class PaymentsTests(CouncilApiFixture api)
{
    // A household no other test looks at, so payments here change no one else's balance.
    private static readonly DemoHousehold Household = DemoData.Households[^1];

    [Fact]
    public async Task A_created_payment_has_the_GOV_UK_Pay_shape_and_a_hosted_card_page()
    {
        var response = await CreateAsync(2500, Guid.NewGuid().ToString());
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var json = await CouncilApiFixture.JsonAsync(response);
        json.ShouldHaveProperties("payment_id", "amount", "reference", "description", "return_url", "state", "created_date", "_links");
        json.GetProperty("state").GetProperty("status").GetString().ShouldBe("created");
        json.GetProperty("state").GetProperty("finished").GetBoolean().ShouldBeFalse();
        var nextUrl = json.GetProperty("_links").GetProperty("next_url").GetProperty("href").GetString()!;
        nextUrl.ShouldEndWith($"/pay/{json.GetProperty("payment_id").GetString()}");

        using var page = await Browser().GetAsync(nextUrl, TestContext.Current.CancellationToken);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.ShouldContain("£25.00");
        html.ShouldContain("4444333322221111");
        (await GetAsync(json.GetProperty("payment_id").GetString()!)).State.Status.ShouldBe(PaymentStatus.Started);
    }

    [Fact]
    public async Task A_successful_card_credits_the_rent_account_once_even_when_submitted_twice()
    {
        var before = await BalanceAsync();
        var payment = await CreatedAsync(2500);

        var first = await SubmitCardAsync(payment, "4444 3333 2222 1111");
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        first.Headers.Location!.ToString().ShouldBe(payment.ReturnUrl);
        var second = await SubmitCardAsync(payment, "4444333322221111");
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await GetAsync(payment.PaymentId);
        after.State.ShouldBe(new PaymentState(PaymentStatus.Success, true));
        after.Links.NextUrl.ShouldBeNull();
        (await BalanceAsync()).ShouldBe(before - 25m);
        var transactions = await CouncilApiFixture.ReadAsync<TransactionsResponse>(
            await api.GetAsync($"api/v1/transactions?targetId={Household.TenureId}&pageSize=5"));
        var latest = transactions.Results[0];
        latest.TransactionType.ShouldBe(TransactionType.DebitOrCreditCard);
        latest.PaidAmount.ShouldBe(25m);
        latest.BalanceAmount.ShouldBe(before - 25m);
    }

    [Theory]
    [InlineData("4000000000000002", PaymentStatus.Failed, "P0010")]
    [InlineData("4000000000000119", PaymentStatus.Error, "P0050")]
    public async Task Declined_and_failing_cards_finish_without_touching_the_balance(string card, PaymentStatus status, string code)
    {
        var before = await BalanceAsync();
        var payment = await CreatedAsync(1000);

        (await SubmitCardAsync(payment, card)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await GetAsync(payment.PaymentId);
        after.State.Status.ShouldBe(status);
        after.State.Code.ShouldBe(code);
        after.State.Finished.ShouldBeTrue();
        (await BalanceAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_card_number_shows_the_page_again_with_an_error_and_finishes_nothing()
    {
        var payment = await CreatedAsync(1000);

        var response = await SubmitCardAsync(payment, "1234<script>");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("There is a problem");
        (await GetAsync(payment.PaymentId)).State.Finished.ShouldBeFalse();
    }

    [Fact]
    public async Task Cancelling_finishes_the_payment_as_cancelled_and_returns_to_the_service()
    {
        var before = await BalanceAsync();
        var payment = await CreatedAsync(1000);

        using var response = await Browser().PostAsync(new Uri(payment.Links.NextUrl!.Href + "/cancel"), null, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe(payment.ReturnUrl);
        (await GetAsync(payment.PaymentId)).State.ShouldBe(new PaymentState(PaymentStatus.Cancelled, true, "P0030", "Payment was cancelled by the user"));
        // A card submitted after cancelling changes nothing.
        (await SubmitCardAsync(payment, "4444333322221111")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await GetAsync(payment.PaymentId)).State.Status.ShouldBe(PaymentStatus.Cancelled);
        (await BalanceAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_payment_and_a_different_body_is_refused()
    {
        var key = Guid.NewGuid().ToString();
        var first = await CouncilApiFixture.ReadAsync<Payment>(await CreateAsync(1500, key));
        var again = await CreateAsync(1500, key);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CouncilApiFixture.ReadAsync<Payment>(again)).PaymentId.ShouldBe(first.PaymentId);
        (await CreateAsync(1600, key)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await CreateAsync(1500, null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(0, "amount")]
    [InlineData(-100, "amount")]
    [InlineData(10_000_001, "amount")]
    [InlineData(100, "reference")]
    [InlineData(100, "description")]
    [InlineData(100, "return_url")]
    public async Task Invalid_payments_are_422_naming_the_field(int amount, string field)
    {
        var request = new CreatePaymentRequest(amount, field == "reference" ? "0000000000" : Household.PaymentReference,
            field == "description" ? "<script>alert(1)</script>" : "Rent payment", field == "return_url" ? "javascript:alert(1)" : "https://app.example/return");

        var response = await api.SendAsync(HttpMethod.Post, "v1/payments", request,
            new Dictionary<string, string> { [CouncilApiHeaders.IdempotencyKey] = Guid.NewGuid().ToString() });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var error = await CouncilApiFixture.ReadAsync<PaymentError>(response);
        error.Code.ShouldBe("P0102");
        error.Field.ShouldBe(field);
    }

    [Fact]
    public async Task Unknown_payments_are_404_and_the_api_needs_a_token()
    {
        (await api.GetAsync("v1/payments/nosuchpayment")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync("v1/payments/nosuchpayment", token: null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var page = await Browser().GetAsync(new Uri(api.Running.BaseAddress, "pay/nosuchpayment"), TestContext.Current.CancellationToken);
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private Task<HttpResponseMessage> CreateAsync(int amount, string? key) =>
        api.SendAsync(HttpMethod.Post, "v1/payments",
            new CreatePaymentRequest(amount, Household.PaymentReference, "Rent payment", "https://app.example/rent/pay/result"),
            key is null ? null : new Dictionary<string, string> { [CouncilApiHeaders.IdempotencyKey] = key });

    private async Task<Payment> CreatedAsync(int amount)
    {
        var payment = await CouncilApiFixture.ReadAsync<Payment>(await CreateAsync(amount, Guid.NewGuid().ToString()));
        using var page = await Browser().GetAsync(payment.Links.NextUrl!.Href, TestContext.Current.CancellationToken);
        return payment;
    }

    private async Task<Payment> GetAsync(string paymentId) =>
        await CouncilApiFixture.ReadAsync<Payment>(await api.GetAsync($"v1/payments/{paymentId}"));

    private async Task<decimal> BalanceAsync() =>
        (await CouncilApiFixture.ReadAsync<AccountsResponse>(await api.GetAsync($"api/v1/accounts?targetId={Household.TenureId}")))
        .AccountResponseList[0].AccountBalance;

    private static async Task<HttpResponseMessage> SubmitCardAsync(Payment payment, string cardNumber) =>
        await Browser().PostAsync(new Uri(payment.Links.NextUrl?.Href ?? payment.Links.Self.Href.Replace("/v1/payments/", "/pay/", StringComparison.Ordinal)),
            new FormUrlEncodedContent([KeyValuePair.Create("cardNumber", cardNumber)]), TestContext.Current.CancellationToken);

    /// <summary>The payer's browser: no token, and redirects seen rather than followed.</summary>
    private static HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false });
}
