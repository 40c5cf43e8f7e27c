using HousingSelfService.CouncilApi.Client.Finance;
using HousingSelfService.Web.Features.Rent;
using HousingSelfService.Web.Features.Rent.Payments;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Rent;

public sealed class RentWordingTests
{
    private static readonly DateOnly Today = new(2026, 11, 24); // a Tuesday

    [Fact]
    public void As_at_gives_the_time_and_the_date()
    {
        RentWording.AsAt(new DateTime(2026, 11, 24, 18, 45, 0)).ShouldBe("as at 6:45pm on 24 November 2026");
        RentWording.AsAt(new DateTime(2026, 11, 24, 9, 0, 0)).ShouldBe("as at 9am on 24 November 2026");
    }

    [Theory]
    [InlineData("312.5", "£312.50 owed")]
    [InlineData("-45", "£45.00 in credit")]
    [InlineData("0", "£0.00")]
    public void Running_balances_say_owed_or_credit_in_words(string balance, string expected) =>
        RentWording.RunningBalance(decimal.Parse(balance, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void Every_transaction_code_has_words_and_none_shows_the_code()
    {
        foreach (var type in Enum.GetValues<TransactionType>())
        {
            var words = RentWording.Transaction(type);
            words.ShouldNotBe(type.ToString());
            words.ShouldNotBe("Other adjustment");
        }

        RentWording.Transaction(TransactionType.DirectDebitUnpaid).ShouldBe("Direct Debit not paid by your bank");
    }

    [Theory]
    [InlineData(2026, 11, 23, 23)] // Monday: due today
    [InlineData(2026, 11, 24, 30)] // Tuesday: next Monday
    [InlineData(2026, 11, 29, 30)] // Sunday: tomorrow
    public void Rent_is_next_due_on_the_coming_Monday(int year, int month, int day, int dueDay) =>
        RentService.NextMonday(new DateOnly(year, month, day)).ShouldBe(new DateOnly(2026, 11, dueDay));

    [Fact]
    public void Direct_Debit_and_benefit_payers_get_a_note_on_timing_and_card_payers_do_not()
    {
        RentWording.TimingNote(PaymentKind.DirectDebit)!.ShouldContain("Direct Debit");
        RentWording.TimingNote(PaymentKind.HousingBenefit)!.ShouldContain("every 4 weeks");
        RentWording.TimingNote(PaymentKind.UniversalCredit)!.ShouldContain("once a month");
        RentWording.TimingNote(PaymentKind.Card).ShouldBeNull();
    }

    [Theory]
    [InlineData(null, 2026, 8, 24)]
    [InlineData("this-month", 2026, 11, 1)]
    [InlineData("6-months", 2026, 5, 24)]
    [InlineData("12-months", 2025, 11, 24)]
    [InlineData("<script>", 2026, 8, 24)]
    public void Periods_run_up_to_today(string? period, int year, int month, int day)
    {
        var (from, to, errors) = StatementPeriods.Resolve(period, null, null, Today);
        errors.ShouldBeEmpty();
        from.ShouldBe(new DateOnly(year, month, day));
        to.ShouldBe(Today);
    }

    [Theory]
    [InlineData("", "2026-11-01", "from", "Enter the start date")]
    [InlineData("2026-02-30", "2026-11-01", "from", "The start date must be a real date, like 24 November 2026")]
    [InlineData("<script>alert(1)</script>", "2026-11-01", "from", "The start date must be a real date, like 24 November 2026")]
    [InlineData("2026-11-01", "2026-12-01", "to", "The end date must be today or in the past")]
    [InlineData("2019-01-01", "2026-11-01", "from", "The start date must be within the last 6 years")]
    [InlineData("2026-11-10", "2026-11-01", "to", "The end date must be the same as or after the start date")]
    public void Custom_dates_are_checked_with_a_specific_message(string from, string to, string field, string message)
    {
        var (_, _, errors) = StatementPeriods.Resolve(StatementPeriods.Custom, from, to, Today);
        errors.ShouldHaveSingleItem().ShouldBe(new HousingSelfService.Web.Components.Common.FormError(field, message));
    }

    [Fact]
    public void Custom_dates_that_are_sound_are_used_as_given()
    {
        var (from, to, errors) = StatementPeriods.Resolve(StatementPeriods.Custom, "2026-01-05", "2026-01-05", Today);
        errors.ShouldBeEmpty();
        (from, to).ShouldBe((new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 5)));
    }

    [Theory]
    [InlineData("25", "25")]
    [InlineData("25.5", "25.5")]
    [InlineData(" £1,250.75 ", "1250.75")]
    [InlineData("1", "1")]
    [InlineData("10000.00", "10000")]
    public void Amounts_in_pounds_and_pence_are_accepted(string text, string expected) =>
        PaymentAmount.Parse(text).ShouldBe((decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), (string?)null));

    [Theory]
    [InlineData("", "Enter how much you want to pay")]
    [InlineData("-25", "The amount must be £1.00 or more")]
    [InlineData("0.99", "The amount must be £1.00 or more")]
    [InlineData("10000.01", "The amount must be £10,000.00 or less. To pay more, call us on 020 7946 0123")]
    [InlineData("999999999999", "The amount must be £10,000.00 or less. To pay more, call us on 020 7946 0123")]
    [InlineData("999999999999999999999999999999999", "Enter an amount in pounds and pence, like 25.50")]
    [InlineData("25.505", "The amount must be in pounds and pence, with no more than 2 numbers after the point")]
    [InlineData("<script>alert(1)</script>", "Enter an amount in pounds and pence, like 25.50")]
    [InlineData("25 pounds", "Enter an amount in pounds and pence, like 25.50")]
    [InlineData("1e3", "Enter an amount in pounds and pence, like 25.50")]
    public void Bad_amounts_get_a_specific_message(string text, string message) =>
        PaymentAmount.Parse(text).ShouldBe(((decimal?)null, message));

    [Fact]
    public void Amounts_become_exact_pence() => PaymentAmount.ToPence(1250.75m).ShouldBe(125075);
}
