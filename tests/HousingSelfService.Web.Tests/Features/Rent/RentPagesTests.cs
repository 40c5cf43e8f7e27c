using Bunit;
using HousingSelfService.CouncilApi;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.Web.Features.Rent.Pages;
using HousingSelfService.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Rent;

/// <summary>The rent pages against the real reference council API on loopback, with the real API clients.</summary>
public sealed class RentPagesTests(ReferenceApiFixture api) : MudComponentTest
{
    private AppTestServices App(CouncilApiFamily? down = null) => new(this, api, down);

    private IRenderedComponent<T> RenderLoaded<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : Microsoft.AspNetCore.Components.IComponent
    {
        var cut = parameters is null ? Render<T>() : Render(parameters);
        cut.WaitForAssertion(() => cut.FindAll("[role=status]").ShouldBeEmpty(), TimeSpan.FromSeconds(30));
        cut.FindAll("h1").Count.ShouldBe(1);
        return cut;
    }

    private void Navigate(string relative) =>
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(relative);

    [Fact]
    public void A_resident_in_arrears_sees_what_they_owe_the_charges_and_a_year_of_balances()
    {
        using var app = App();
        app.SignInResident(Households.Arrears);

        var cut = RenderLoaded<RentPage>();

        cut.Find("h1").TextContent.ShouldBe("Your rent");
        cut.Find("[data-testid=balance]").TextContent.ShouldMatch(@"^You owe £[\d,]+\.\d{2}$");
        cut.Find("[data-testid=balance-as-at]").TextContent.ShouldMatch(@"^as at \d{1,2}(:\d{2})?(am|pm) on \d{1,2} [A-Z][a-z]+ \d{4}$");
        cut.Find("[data-testid=charges]").TextContent.ShouldContain("Rent");
        cut.Find("[data-testid=next-payment]").TextContent.ShouldContain("Monday");
        cut.Find("[data-testid=balance-history-table]").QuerySelectorAll("tbody tr").Length.ShouldBe(12);
        cut.FindAll("[data-testid=unavailable]").ShouldBeEmpty();
    }

    [Fact]
    public void When_the_finance_system_is_down_the_page_says_so_plainly_and_still_offers_the_rest()
    {
        using var app = App(CouncilApiFamily.Finance);
        app.SignInResident(Households.Arrears);

        var cut = RenderLoaded<RentPage>();

        cut.FindAll("[data-testid=unavailable]").Select(p => p.TextContent.Trim())
            .ShouldBe([$"We can't show your rent balance right now. Try again later or call {Web.Infrastructure.CouncilContact.Phone}.",
                $"We can't show your balance history right now. Try again later or call {Web.Infrastructure.CouncilContact.Phone}."]);
        cut.Find("[data-testid=rent-links]").TextContent.ShouldContain("Pay your rent by card");
    }

    [Fact]
    public void Someone_without_a_linked_tenancy_is_told_how_to_link_it()
    {
        using var app = App();
        app.SignInResident(null);

        RenderLoaded<RentPage>().Find("[data-testid=not-linked]").TextContent.ShouldContain("connect your account to your tenancy");
    }

    [Fact]
    public void The_statement_shows_transactions_in_words_a_page_at_a_time()
    {
        using var app = App();
        app.SignInResident(Households.Credit);

        Navigate("rent/statement?period=6-months");
        var first = RenderLoaded<StatementPage>();
        var rows = first.FindAll("[data-testid=statement-table] tbody tr");
        rows.Count.ShouldBe(20);
        first.Find("[data-testid=statement-table]").TextContent.ShouldContain("Direct Debit payment");
        first.Find("[data-testid=statement-table]").TextContent.ShouldNotContain("BasicRentNoVAT");
        first.Find("[data-testid=statement-pages]").TextContent.ShouldMatch(@"Page 1 of \d+");
        first.Find("[data-testid=download-csv]").GetAttribute("href").ShouldStartWith("rent/statement/download?format=csv&period=custom&from=");

        Navigate("rent/statement?period=6-months&page=2");
        var second = RenderLoaded<StatementPage>();
        second.Find("[data-testid=statement-pages]").TextContent.ShouldContain("Page 2 of");
        second.Find("[data-testid=statement-table] tbody tr").TextContent.ShouldNotBe(rows[0].TextContent);
    }

    [Fact]
    public void Bad_custom_dates_get_an_error_summary_and_no_statement()
    {
        using var app = App();
        app.SignInResident(Households.Credit);

        Navigate("rent/statement?period=custom&from=2026-13-45&to=");
        var cut = RenderLoaded<StatementPage>();

        var links = cut.FindAll("[data-testid=error-summary] a");
        links.Select(a => a.GetAttribute("href")).ShouldBe(["#from", "#to"]);
        links[1].TextContent.ShouldBe("Enter the end date");
        cut.Find("#from").GetAttribute("aria-invalid").ShouldBe("true");
        cut.FindAll("[data-testid=statement-table]").ShouldBeEmpty();
        cut.FindAll("[data-testid=downloads]").ShouldBeEmpty();
    }

    [Fact]
    public void The_pay_page_starts_at_what_the_resident_owes()
    {
        using var app = App();
        app.SignInResident(Households.Arrears);

        var cut = RenderLoaded<PayPage>();

        var owed = cut.Find("[data-testid=balance]").TextContent;
        owed.ShouldStartWith("You owe £");
        var amount = cut.Find("#amount").GetAttribute("value")!;
        owed.ShouldContain(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture).ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
    }

    [Fact]
    public void A_payment_result_that_is_not_yours_is_not_found()
    {
        using var app = App();
        app.SignInResident(Households.Arrears);

        var cut = RenderLoaded<PaymentResultPage>(p => p.Add(x => x.Id, Guid.NewGuid()));

        cut.Find("h1").TextContent.ShouldBe("Page not found");
        cut.Find("[data-testid=not-found]").ShouldNotBeNull();
    }
}
