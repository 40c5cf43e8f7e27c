using HousingSelfService.CouncilApi.Client.DirectDebits;
using Shouldly;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Client;

/// <summary>Vocalink's published test cases for modulus checking (v6.40), each named by what it exercises.</summary>
public sealed class ModulusCheckTests
{
    [Theory]
    [InlineData("089999", "66374958", "pass modulus 10 check")]
    [InlineData("107999", "88837491", "pass modulus 11 check")]
    [InlineData("202959", "63748472", "pass modulus 11 and double alternate checks")]
    [InlineData("871427", "46238510", "exception 10 and 11 where first check passes and second fails")]
    [InlineData("872427", "46238510", "exception 10 and 11 where first check fails and second passes")]
    [InlineData("871427", "09123496", "exception 10 where a and b are 09 and g is 9: first check passes")]
    [InlineData("871427", "99123496", "exception 10 where a and b are 99 and g is 9: first check passes")]
    [InlineData("820000", "73688637", "exception 3, c is 6 so the second check is ignored")]
    [InlineData("827999", "73988638", "exception 3, c is 9 so the second check is ignored")]
    [InlineData("827101", "28748352", "exception 3, c is neither 6 nor 9 so both checks run")]
    [InlineData("134020", "63849203", "exception 4 where the remainder equals the check digits")]
    [InlineData("118765", "64371389", "exception 1 where it passes the double alternate check")]
    [InlineData("200915", "41011166", "exception 6 where the account fails standard check but is a foreign currency account")]
    [InlineData("938611", "07806039", "exception 5 where the check passes")]
    [InlineData("938600", "42368003", "exception 5 where the check passes with substitution")]
    [InlineData("938063", "55065200", "exception 5 where both checks produce a remainder of 0 and pass")]
    [InlineData("772798", "99345694", "exception 7 where passes but would fail the standard check")]
    [InlineData("086090", "06774744", "exception 8 where the check passes")]
    [InlineData("309070", "02355688", "exception 2 and 9 where the first check passes")]
    [InlineData("309070", "12345668", "exception 2 and 9 where the first check fails and second passes with substitution")]
    [InlineData("309070", "12345677", "exception 2 and 9 where a is not 0 and g is not 9 and passes")]
    [InlineData("309070", "99345694", "exception 2 and 9 where a is not 0 and g is 9 and passes")]
    [InlineData("074456", "12345112", "exception 12 and 13 where passes modulus 11 check")]
    [InlineData("070116", "34012583", "exception 12 and 13 where passes the modulus 11 check")]
    [InlineData("074456", "11104102", "exception 12 and 13 where fails the modulus 11 check but passes modulus 10")]
    [InlineData("180002", "00000190", "exception 14 where the first check fails and the second passes")]
    public void Valid_details_pass(string sortCode, string accountNumber, string because) =>
        ModulusCheck.IsValid(sortCode, accountNumber).ShouldBeTrue(because);

    [Theory]
    [InlineData("118765", "64371388", "exception 1 where it fails the double alternate check")]
    [InlineData("203099", "66831036", "exception 6 where the account fails standard check and is not a foreign currency account")]
    [InlineData("203099", "58716970", "exception 6 where the account fails standard check and is not a foreign currency account")]
    [InlineData("089999", "66374959", "fails modulus 10 check")]
    [InlineData("107999", "88837493", "fails modulus 11 check")]
    [InlineData("938063", "15764273", "exception 5 where the first check passes and the second fails")]
    [InlineData("938063", "15764264", "exception 5 where the first check fails and the second passes")]
    [InlineData("938063", "15763217", "exception 5 where the first check digit is correct and the second incorrect")]
    public void Invalid_details_fail(string sortCode, string accountNumber, string because) =>
        ModulusCheck.IsValid(sortCode, accountNumber).ShouldBeFalse(because);

    [Theory]
    [InlineData("30907", "12345677")]
    [InlineData("309070", "12345")]
    [InlineData("309070", "123456789")]
    [InlineData("30-90-70", "12345677")]
    [InlineData("309070", "1234567a")]
    public void Malformed_details_fail(string sortCode, string accountNumber) =>
        ModulusCheck.IsValid(sortCode, accountNumber).ShouldBeFalse();

    [Fact]
    public void Sort_codes_outside_every_range_cannot_be_checked_and_are_presumed_valid() =>
        ModulusCheck.IsValid("000000", "12345678").ShouldBeTrue();
}
