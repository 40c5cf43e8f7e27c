using Bunit;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.Web.Features.Rent.Pages;
using HousingSelfService.Web.Tests.Infrastructure;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Rent;

/// <summary>The payment arrangement page against the real reference API.</summary>
public sealed class ArrangementPageTests(ReferenceApiFixture api) : MudComponentTest
{
    [Fact]
    public void A_resident_in_arrears_sees_how_long_an_offer_would_take_and_sets_it_up()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(Households.Arrears);
        var cut = Render<ArrangementPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=arrangement-form]"), TimeSpan.FromSeconds(30));
        cut.Find("[data-testid=balance]").TextContent.ShouldStartWith("You owe £");

        cut.Find("#instalment").Change("abc<script>");
        cut.FindAll("[data-testid=time-to-clear]").ShouldBeEmpty();
        cut.Find("form").Submit();
        // The render after a submit can land a moment later on a busy machine: wait for it rather than read once.
        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary] a").GetAttribute("href").ShouldBe("#instalment"), TimeSpan.FromSeconds(30));
        cut.FindAll("[data-testid=arrangement]").ShouldBeEmpty();

        cut.Find("#instalment").Change("10");
        cut.Find("#frequency-Monthly").Change(true);
        cut.Find("[data-testid=time-to-clear]").TextContent.ShouldMatch(@"^Paying £10\.00 every month from .+, you would pay off £[\d,]+\.\d{2} in \d+ payments, by \d{1,2} \w+ \d{4}\.$");

        cut.Find("form").Submit();
        cut.WaitForAssertion(() => cut.Find("[data-testid=arrangement-state]").TextContent.ShouldBe("Active: you are keeping to it"), TimeSpan.FromSeconds(30));
        cut.Find("[data-testid=arrangement]").TextContent.ShouldContain("£10.00 every month, on top of your rent");
    }

    [Fact]
    public void A_resident_in_credit_is_told_they_need_no_arrangement()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(Households.Credit);

        var cut = Render<ArrangementPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=not-in-arrears]").TextContent.ShouldContain("You do not need an arrangement"), TimeSpan.FromSeconds(30));
        cut.FindAll("form").ShouldBeEmpty();
    }

    [Fact]
    public void When_the_agreements_system_is_down_the_page_says_so()
    {
        using var app = new AppTestServices(this, api, CouncilApiFamily.Agreements);
        app.SignInResident(Households.Arrears);

        var cut = Render<ArrangementPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=unavailable]").TextContent.ShouldContain("We can't show your payment arrangement right now"), TimeSpan.FromSeconds(30));
    }
}
