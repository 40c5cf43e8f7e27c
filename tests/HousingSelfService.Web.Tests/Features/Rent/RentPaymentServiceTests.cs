using System.Net;
using Bunit;
using HousingSelfService.CouncilApi;
using HousingSelfService.Web.Features.Rent;
using HousingSelfService.Web.Features.Rent.Pages;
using HousingSelfService.Web.Features.Rent.Payments;
using HousingSelfService.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Rent;

/// <summary>
/// Card payments end to end through the reference API: the app starts a payment, a "browser" uses the provider's
/// hosted page with a test card, and the app reads the real outcome back.
/// </summary>
public sealed class RentPaymentServiceTests(ReferenceApiFixture api) : MudComponentTest
{
    // Households no other test in this project looks at, so payments here change no one else's balance.
    private static readonly DemoHousehold Payer = DemoData.Households[^2];
    private static readonly DemoHousehold Neighbour = DemoData.Households[^3];
    private static readonly Uri AppBase = new("https://housing.example/");

    private RentPaymentService Payments => Services.GetRequiredService<RentPaymentService>();

    [Fact]
    public async Task A_successful_card_payment_is_received_and_shows_on_the_statement()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(Payer);
        var attempt = Guid.NewGuid();

        var start = await Payments.StartAsync(attempt, 25m, AppBase, Xunit.TestContext.Current.CancellationToken);
        start.Outcome.ShouldBe(RentOutcome.Found);
        var returned = await PayOnProviderPageAsync(start.NextUrl!, "4444333322221111");

        returned.ShouldBe(new Uri(AppBase, $"rent/pay/result/{attempt}"));
        var result = await Payments.GetResultAsync(attempt, Xunit.TestContext.Current.CancellationToken);
        result.Value.ShouldBe(new PaymentResult(PaymentResultKind.Success, 25m, Payer.PaymentReference, null));
        var statement = await Services.GetRequiredService<RentService>()
            .GetStatementAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), DateOnly.FromDateTime(DateTime.UtcNow), 1, Xunit.TestContext.Current.CancellationToken);
        statement.Value!.Rows.ShouldContain(row => row.Description == "Card payment" && row.Paid == 25m);

        var page = Render<PaymentResultPage>(p => p.Add(x => x.Id, attempt));
        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe("Payment received"), TimeSpan.FromSeconds(30));
        page.Find("[data-testid=payment-result]").TextContent.ShouldContain("You paid £25.00");
    }

    [Theory]
    [InlineData("4000000000000002", PaymentResultKind.Declined, "Your payment was declined")]
    [InlineData("4000000000000119", PaymentResultKind.Error, "Your payment did not go through")]
    public async Task Declined_and_failed_cards_take_no_money(string card, PaymentResultKind kind, string heading)
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(Payer);
        var attempt = Guid.NewGuid();

        var start = await Payments.StartAsync(attempt, 10m, AppBase, Xunit.TestContext.Current.CancellationToken);
        await PayOnProviderPageAsync(start.NextUrl!, card);

        (await Payments.GetResultAsync(attempt, Xunit.TestContext.Current.CancellationToken)).Value!.Kind.ShouldBe(kind);
        var page = Render<PaymentResultPage>(p => p.Add(x => x.Id, attempt));
        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe(heading), TimeSpan.FromSeconds(30));
        page.Markup.ShouldContain("No money has been taken");
    }

    [Fact]
    public async Task A_cancelled_payment_is_shown_as_cancelled()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(Payer);
        var attempt = Guid.NewGuid();

        var start = await Payments.StartAsync(attempt, 10m, AppBase, Xunit.TestContext.Current.CancellationToken);
        using var browser = Browser();
        using var cancel = await browser.PostAsync(new Uri(start.NextUrl + "/cancel"), null, Xunit.TestContext.Current.CancellationToken);
        cancel.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await Payments.GetResultAsync(attempt, Xunit.TestContext.Current.CancellationToken)).Value!.Kind.ShouldBe(PaymentResultKind.Cancelled);
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_makes_one_payment()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(Payer);
        var attempt = Guid.NewGuid();

        var first = Payments.StartAsync(attempt, 12.34m, AppBase, Xunit.TestContext.Current.CancellationToken);
        var second = Payments.StartAsync(attempt, 12.34m, AppBase, Xunit.TestContext.Current.CancellationToken);
        var starts = await Task.WhenAll(first, second);

        // The API either replays the first payment or, while the first is still in flight, refuses the second.
        var pages = starts.Where(s => s.NextUrl is not null).Select(s => s.NextUrl).Distinct().ToList();
        pages.Count.ShouldBe(1);
        var again = await Payments.StartAsync(attempt, 12.34m, AppBase, Xunit.TestContext.Current.CancellationToken);
        again.NextUrl.ShouldBe(pages[0]);
    }

    [Fact]
    public async Task Another_household_cannot_see_a_payment_they_did_not_make()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(Payer);
        var attempt = Guid.NewGuid();
        (await Payments.StartAsync(attempt, 10m, AppBase, Xunit.TestContext.Current.CancellationToken)).NextUrl.ShouldNotBeNull();

        app.SignInResident(Neighbour, "neighbour@example.test");

        (await Payments.GetResultAsync(attempt, Xunit.TestContext.Current.CancellationToken)).Outcome.ShouldBe(RentOutcome.NotFound);
        var page = Render<PaymentResultPage>(p => p.Add(x => x.Id, attempt));
        page.WaitForAssertion(() => page.Find("h1").TextContent.ShouldBe("Page not found"), TimeSpan.FromSeconds(30));
        page.Markup.ShouldNotContain(Payer.PaymentReference);
    }

    /// <summary>Does what the payer's browser does on the provider's page; returns where the provider sends them back to.</summary>
    private static async Task<Uri> PayOnProviderPageAsync(string nextUrl, string card)
    {
        using var browser = Browser();
        using var page = await browser.GetAsync(nextUrl, Xunit.TestContext.Current.CancellationToken);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var submit = await browser.PostAsync(nextUrl, new FormUrlEncodedContent([KeyValuePair.Create("cardNumber", card)]), Xunit.TestContext.Current.CancellationToken);
        submit.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return submit.Headers.Location!;
    }

    private static HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false });
}
