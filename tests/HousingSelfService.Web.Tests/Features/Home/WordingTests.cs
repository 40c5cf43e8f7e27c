using HousingSelfService.Web.Features.Home;
using HousingSelfService.Web.Infrastructure;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Home;

public sealed class WordingTests
{
    [Theory]
    [InlineData("312.5", "You owe £312.50")]
    [InlineData("1234.567", "You owe £1,234.57")]
    [InlineData("-45", "You are £45.00 in credit")]
    [InlineData("-0.1", "You are £0.10 in credit")]
    [InlineData("0", "Your account is up to date")]
    public void Balance_is_described_in_words_with_pounds_and_two_decimals(string balance, string expected) =>
        Wording.Balance(decimal.Parse(balance, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void Balance_date_is_a_UK_date() =>
        Wording.BalanceAsAt(new DateOnly(2026, 3, 1)).ShouldBe("as at 1 March 2026");

    [Theory]
    [InlineData("SEC", "Secure tenancy")]
    [InlineData("INT", "Introductory tenancy")]
    [InlineData("LEA", "Leasehold")]
    [InlineData("NON", "Non-secure tenancy")]
    [InlineData("SHO", "Shared ownership")]
    public void Tenancy_type_codes_become_plain_words_with_a_meaning(string code, string expected)
    {
        var (name, meaning) = Wording.TenancyType(code, "whatever the API says");

        name.ShouldBe(expected);
        meaning.ShouldNotBeNullOrWhiteSpace();
        meaning.ShouldEndWith(".");
    }

    [Fact]
    public void Unknown_tenancy_type_uses_the_councils_description() =>
        Wording.TenancyType("XYZ", "Licence").Name.ShouldBe("Licence tenancy");

    [Theory]
    [InlineData("In Progress", "In progress")]
    [InlineData("Authorisation Pending Approval", "Waiting for approval")]
    [InlineData("On Hold", "On hold")]
    [InlineData("No Access", "We could not get in")]
    [InlineData("Work Complete", "Completed")]
    [InlineData("Work Cancelled", "Cancelled")]
    public void Repair_status_is_described_in_words(string status, string expected) =>
        Wording.RepairStatus(status).Status.ShouldBe(expected);

    [Fact]
    public void Appointment_reads_as_day_date_and_times() =>
        Wording.Appointment(new DateOnly(2026, 12, 1), "08:00", "12:00").ShouldBe("Tuesday 1 December 2026, 8am to midday");

    [Theory]
    [InlineData("08:00", "8am")]
    [InlineData("13:30", "1:30pm")]
    [InlineData("00:00", "12am")]
    [InlineData("not a time", "not a time")]
    public void Times_read_the_UK_way(string time, string expected) => UkFormat.Time(time).ShouldBe(expected);
}
