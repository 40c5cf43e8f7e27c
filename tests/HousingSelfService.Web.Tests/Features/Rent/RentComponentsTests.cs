using Bunit;
using HousingSelfService.Web.Features.Rent;
using HousingSelfService.Web.Features.Rent.Components;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Rent;

/// <summary>The rent components on their own, with made-up figures.</summary>
public sealed class RentComponentsTests : MudComponentTest
{
    private static RentOverview Overview(decimal balance, PaymentKind lastPaidBy = PaymentKind.Card) => new(
        balance, new DateTime(2026, 11, 24, 18, 45, 0), "2212345678", "Weekly",
        [new ChargeLine("Rent", 120m), new ChargeLine("Service charges", 9.5m)],
        new DateOnly(2026, 11, 30),
        new LastPayment(new DateOnly(2026, 11, 23), 129.5m, "Direct Debit payment", lastPaidBy));

    [Fact]
    public void Arrears_are_what_you_owe_with_the_time_the_charges_and_the_next_payment()
    {
        var cut = Render<RentOverviewView>(p => p.Add(x => x.Overview, Overview(312.5m)));

        cut.Find("[data-testid=balance]").TextContent.ShouldBe("You owe £312.50");
        cut.Find("[data-testid=balance]").ClassList.ShouldContain("balance--owe");
        cut.Find("[data-testid=balance-as-at]").TextContent.ShouldBe("as at 6:45pm on 24 November 2026");
        cut.Find("[data-testid=charges]").TextContent.ShouldContain("Service charges");
        cut.Find("[data-testid=total-charge]").TextContent.ShouldBe("£129.50");
        cut.Find("[data-testid=next-payment]").TextContent.ShouldBe("Your next rent of £129.50 is due on Monday 30 November 2026.");
        cut.Find("[data-testid=last-payment]").TextContent.ShouldBe("We last received £129.50 on 23 November 2026 (Direct Debit payment).");
        cut.Find("[data-testid=pay-link]").GetAttribute("href").ShouldBe("rent/pay");
        cut.Markup.ShouldContain("finding it hard to pay");
        cut.FindAll("[data-testid=timing-note]").ShouldBeEmpty();
    }

    [Fact]
    public void Credit_and_up_to_date_are_in_words_and_Direct_Debit_payers_get_the_timing_note()
    {
        var credit = Render<RentOverviewView>(p => p.Add(x => x.Overview, Overview(-45m, PaymentKind.DirectDebit)));
        credit.Find("[data-testid=balance]").TextContent.ShouldBe("You are £45.00 in credit");
        credit.Find("[data-testid=timing-note]").TextContent.ShouldContain("may take your Direct Debit on another day");
        credit.FindAll("[data-testid=pay-link]").ShouldBeEmpty();

        var upToDate = Render<RentOverviewView>(p => p.Add(x => x.Overview, Overview(0m, PaymentKind.HousingBenefit)));
        upToDate.Find("[data-testid=balance]").TextContent.ShouldBe("Your account is up to date");
        upToDate.Find("[data-testid=timing-note]").TextContent.ShouldContain("Housing Benefit");
        upToDate.Markup.ShouldNotContain("finding it hard to pay");
    }

    private static RentStatement Statement(int page, int pageCount, int rows = 3) => new(
        new DateOnly(2026, 8, 24), new DateOnly(2026, 11, 24),
        [.. Enumerable.Range(0, rows).Select(i => new StatementRow(new DateOnly(2026, 11, 23).AddDays(-i), i % 2 == 0 ? "Rent" : "Card payment",
            i % 2 == 0 ? 120m : null, i % 2 == 0 ? null : 120m, 10m - i * 10))],
        page, pageCount, pageCount * 20);

    [Fact]
    public void A_statement_is_a_table_with_a_caption_and_header_cells()
    {
        var cut = Render<StatementTable>(p => p.Add(x => x.Statement, Statement(1, 1)).Add(x => x.PageLink, n => $"rent/statement?page={n}"));

        cut.Find("caption").TextContent.ShouldContain("Transactions from 24 August 2026 to 24 November 2026");
        cut.FindAll("thead th").Select(th => (th.TextContent, th.GetAttribute("scope")))
            .ShouldBe([("Date", "col"), ("Description", "col"), ("Charged", "col"), ("Paid", "col"), ("Balance", "col")]);
        var rows = cut.FindAll("tbody tr");
        rows.Count.ShouldBe(3);
        rows[0].QuerySelector("th")!.GetAttribute("scope").ShouldBe("row");
        rows[0].TextContent.ShouldContain("23 November 2026");
        rows[0].TextContent.ShouldContain("£10.00 owed");
        rows[1].TextContent.ShouldContain("Card payment");
        rows[2].TextContent.ShouldContain("£10.00 in credit");
        cut.FindAll("[data-testid=statement-pages]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1, 3, false, true)]
    [InlineData(2, 3, true, true)]
    [InlineData(3, 3, true, false)]
    public void Long_statements_are_paged_with_previous_and_next_links(int page, int pageCount, bool hasPrevious, bool hasNext)
    {
        var cut = Render<StatementTable>(p => p.Add(x => x.Statement, Statement(page, pageCount)).Add(x => x.PageLink, n => $"rent/statement?page={n}"));

        var pages = cut.Find("nav[data-testid=statement-pages]");
        pages.GetAttribute("aria-label").ShouldBe("Statement pages");
        pages.TextContent.ShouldContain($"Page {page} of {pageCount}");
        cut.Find("caption").TextContent.ShouldContain($"(page {page} of {pageCount})");
        cut.FindAll("[data-testid=previous-page]").Select(a => a.GetAttribute("href")).ShouldBe(hasPrevious ? [$"rent/statement?page={page - 1}"] : []);
        cut.FindAll("[data-testid=next-page]").Select(a => a.GetAttribute("href")).ShouldBe(hasNext ? [$"rent/statement?page={page + 1}"] : []);
    }

    [Fact]
    public void An_empty_period_says_so_instead_of_an_empty_table()
    {
        var cut = Render<StatementTable>(p => p.Add(x => x.Statement, new RentStatement(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), [], 1, 0, 0))
            .Add(x => x.PageLink, n => ""));

        cut.Find("[data-testid=no-transactions]").TextContent.ShouldBe("There are no transactions between 1 November 2026 and 2 November 2026.");
        cut.FindAll("table").ShouldBeEmpty();
    }

    [Fact]
    public void The_chart_has_a_text_description_and_a_table_with_every_month()
    {
        var months = Enumerable.Range(0, 12)
            .Select(i => new MonthBalance(new DateOnly(2025, 12, 1).AddMonths(i).AddDays(-1), new DateOnly(2025, 12, 1).AddMonths(i).ToString("MMM yyyy", UkCulture), 100m - i * 20))
            .ToList();

        var cut = Render<BalanceHistoryChart>(p => p.Add(x => x.History, new BalanceHistory(months)));

        var chart = cut.Find("[data-testid=balance-chart]");
        chart.GetAttribute("role").ShouldBe("img");
        chart.GetAttribute("aria-label").ShouldBe(
            "Line chart of your balance from Dec 2025 to Nov 2026: £100.00 owed at the start, £120.00 in credit now. The table below has the figure for each month. Amounts above zero are owed.");
        chart.QuerySelector("svg").ShouldNotBeNull();
        var table = cut.Find("[data-testid=balance-history-table]");
        table.QuerySelector("caption")!.TextContent.ShouldBe("Your balance at the end of each month");
        var rows = table.QuerySelectorAll("tbody tr");
        rows.Length.ShouldBe(12);
        rows[0].QuerySelector("th[scope=row]")!.TextContent.ShouldBe("Dec 2025");
        rows[0].QuerySelector("td")!.TextContent.ShouldBe("£100.00 owed");
        rows[5].QuerySelector("td")!.TextContent.ShouldBe("£0.00");
    }

    private static readonly System.Globalization.CultureInfo UkCulture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public void The_payment_form_checks_the_amount_and_sends_nothing_when_it_is_wrong()
    {
        var paid = new List<decimal>();
        var cut = Render<PaymentForm>(p => p.Add(x => x.Amount, "312.50").Add(x => x.OnValidAmount, amount => { paid.Add(amount); return Task.CompletedTask; }));
        cut.Find("#amount").GetAttribute("value").ShouldBe("312.50");
        cut.Find("label[for=amount]").TextContent.ShouldBe("How much do you want to pay?");

        cut.Find("#amount").Change("<script>alert(1)</script>");
        cut.Find("form").Submit();

        paid.ShouldBeEmpty();
        var summary = cut.Find("[data-testid=error-summary]");
        summary.QuerySelector("a")!.GetAttribute("href").ShouldBe("#amount");
        summary.TextContent.ShouldContain("Enter an amount in pounds and pence, like 25.50");
        cut.Find("#amount-error").TextContent.ShouldContain("Enter an amount in pounds and pence, like 25.50");
        cut.Find("#amount").GetAttribute("aria-invalid").ShouldBe("true");
        cut.Find("#amount").GetAttribute("aria-describedby").ShouldBe("amount-hint amount-error");

        cut.Find("#amount").Change("-5");
        cut.Find("form").Submit();
        paid.ShouldBeEmpty();
        cut.Find("#amount-error").TextContent.ShouldContain("The amount must be £1.00 or more");

        cut.Find("#amount").Change("25");
        cut.Find("form").Submit();
        paid.ShouldBe([25m]);
        cut.FindAll("[data-testid=error-summary]").ShouldBeEmpty();
    }

    [Fact]
    public void The_payment_form_cannot_be_submitted_again_while_a_payment_is_starting()
    {
        var started = new TaskCompletionSource();
        var calls = 0;
        var cut = Render<PaymentForm>(p => p.Add(x => x.Amount, "25").Add(x => x.OnValidAmount, _ => { calls++; return started.Task; }));

        cut.Find("form").Submit();
        cut.Find("form").Submit();

        calls.ShouldBe(1);
        cut.Find("[data-testid=continue-to-payment]").HasAttribute("disabled").ShouldBeTrue();
        started.SetResult();
    }
}
