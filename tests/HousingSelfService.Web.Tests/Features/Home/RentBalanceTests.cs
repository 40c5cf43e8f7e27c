using Bunit;
using HousingSelfService.Web.Features.Home;
using HousingSelfService.Web.Features.Home.Components;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Home;

public sealed class RentBalanceTests : MudComponentTest
{
    [Fact]
    public void Arrears_are_shown_as_what_you_owe_with_a_sign_not_colour_alone()
    {
        var cut = Render<RentBalance>(p => p.Add(x => x.Rent, new RentSummary(312.5m, new DateOnly(2026, 11, 24), 120m, null, "2212345678")));

        var balance = cut.Find("[data-testid=balance]");
        balance.TextContent.ShouldBe("You owe £312.50");
        balance.ClassList.ShouldContain("balance--owe");
        cut.Find("[data-testid=balance-as-at]").TextContent.ShouldBe("as at 24 November 2026");
        cut.Find("[data-testid=weekly-rent]").TextContent.ShouldBe("£120.00");
        cut.Markup.ShouldContain("finding it hard to pay");
    }

    [Fact]
    public void Credit_and_up_to_date_are_shown_in_words()
    {
        var credit = Render<RentBalance>(p => p.Add(x => x.Rent, new RentSummary(-45m, new DateOnly(2026, 11, 24), null, 9.5m, "1")));
        credit.Find("[data-testid=balance]").TextContent.ShouldBe("You are £45.00 in credit");
        credit.Find("[data-testid=weekly-service-charge]").TextContent.ShouldBe("£9.50");
        credit.FindAll("[data-testid=weekly-rent]").ShouldBeEmpty();

        var upToDate = Render<RentBalance>(p => p.Add(x => x.Rent, new RentSummary(0m, new DateOnly(2026, 11, 24), 100m, null, "1")));
        upToDate.Find("[data-testid=balance]").TextContent.ShouldBe("Your account is up to date");
        upToDate.Markup.ShouldNotContain("finding it hard to pay");
    }
}
