using Bunit;
using HousingSelfService.CouncilApi;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.Web.Components.Common;
using HousingSelfService.Web.Features.Rent.DirectDebits;
using HousingSelfService.Web.Features.Rent.Pages;
using HousingSelfService.Web.Tests.Infrastructure;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Rent;

/// <summary>The Direct Debit form's checks, and the page against the real reference API.</summary>
public sealed class DirectDebitTests(ReferenceApiFixture api) : MudComponentTest
{
    private static DirectDebitInput Input(string holder = "Jade Patel", string sortCode = "30-90-70", string account = "12345677", string day = "15",
        string amount = "120.50", bool authorised = true) =>
        new() { AccountHolder = holder, SortCode = sortCode, AccountNumber = account, CollectionDay = day, Amount = amount, Authorised = authorised };

    [Fact]
    public void Sound_details_become_a_request_with_digits_only()
    {
        var (request, errors) = DirectDebitForm.Check(Input(sortCode: "30 90 70", account: " 1234 5677 "));
        errors.ShouldBeEmpty();
        request.ShouldBe(new CouncilApi.Client.DirectDebits.CreateDirectDebitRequest("Jade Patel", "309070", "12345677", 15, 120.50m));
    }

    [Theory]
    [InlineData("account-holder", "Enter the name on the account", "", "309070", "12345677", "15", "10")]
    [InlineData("account-holder", "The name can only have letters, spaces, full stops, dashes (-) and apostrophes (')", "<script>alert(1)</script>", "309070", "12345677", "15", "10")]
    [InlineData("sort-code", "Enter a sort code", "Jade Patel", "", "12345677", "15", "10")]
    [InlineData("sort-code", "Enter a sort code with 6 digits, like 309430", "Jade Patel", "30907", "12345677", "15", "10")]
    [InlineData("account-number", "Enter an account number with 6 to 8 digits, like 00733445", "Jade Patel", "309070", "12-34", "15", "10")]
    [InlineData("account-number", "Check the sort code and account number: they do not match a real bank account", "Jade Patel", "309070", "12345678", "15", "10")]
    [InlineData("collection-day", "Choose the day of the month for your payment", "Jade Patel", "309070", "12345677", "31", "10")]
    [InlineData("dd-amount", "The amount must be £1.00 or more", "Jade Patel", "309070", "12345677", "15", "-10")]
    public void Each_problem_gets_a_specific_message_by_its_field(string field, string message, string holder, string sortCode, string account, string day, string amount)
    {
        var (request, errors) = DirectDebitForm.Check(Input(holder, sortCode, account, day, amount));
        request.ShouldBeNull();
        errors.ShouldBe([new FormError(field, message)]);
    }

    [Fact]
    public void The_account_holder_must_confirm_they_can_authorise_it_alone() =>
        DirectDebitForm.Check(Input(authorised: false)).Errors.ShouldHaveSingleItem().FieldId.ShouldBe("authorised");

    [Fact]
    public void A_resident_sets_up_changes_and_cancels_a_Direct_Debit_and_only_the_last_4_digits_are_shown()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(DemoData.Households[^4]);
        var cut = Render<DirectDebitPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=no-direct-debit]"), TimeSpan.FromSeconds(30));

        // Bad details: error summary, nothing sent.
        cut.Find("#account-holder").Change("Jade Patel");
        cut.Find("#sort-code").Change("309070");
        cut.Find("#account-number").Change("12345678");
        cut.Find("#collection-day").Change("15");
        cut.Find("#dd-amount").Change("120.50");
        cut.Find("#authorised").Change(true);
        cut.Find("form").Submit();
        // The render after a submit can land a moment later on a busy machine: wait for it rather than read once.
        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary] a").GetAttribute("href").ShouldBe("#account-number"), TimeSpan.FromSeconds(30));
        cut.FindAll("[data-testid=direct-debit]").ShouldBeEmpty();

        cut.Find("#account-number").Change("12345677");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => cut.Find("[data-testid=direct-debit-done]").TextContent.ShouldStartWith("Your Direct Debit is set up. We will take £120.50 on day 15"), TimeSpan.FromSeconds(30));
        cut.Find("[data-testid=account-ending]").TextContent.ShouldBe("Ending 5677");
        cut.Markup.ShouldNotContain("12345677");

        cut.Find("[data-testid=change-direct-debit]").Click();
        cut.WaitForElement("#account-holder", TimeSpan.FromSeconds(30)).Change("Jade Patel"); // the form renders after the click
        cut.Find("#sort-code").Change("08-99-99");
        cut.Find("#account-number").Change("66374958");
        cut.Find("#collection-day").Change("1");
        cut.Find("#dd-amount").Change("130");
        cut.Find("#authorised").Change(true);
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => cut.Find("[data-testid=account-ending]").TextContent.ShouldBe("Ending 4958"), TimeSpan.FromSeconds(30));

        cut.Find("[data-testid=cancel-direct-debit]").Click();
        cut.WaitForElement("[data-testid=confirm-cancel-yes]", TimeSpan.FromSeconds(30)).Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=direct-debit-done]").TextContent.ShouldStartWith("Your Direct Debit is cancelled"), TimeSpan.FromSeconds(30));
        cut.Find("[data-testid=no-direct-debit]").ShouldNotBeNull();
    }

    [Fact]
    public void When_the_Direct_Debit_system_is_down_the_page_says_so()
    {
        using var app = new AppTestServices(this, api, CouncilApiFamily.DirectDebits);
        app.SignInResident(DemoData.Households[^4]);

        var cut = Render<DirectDebitPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=unavailable]").TextContent.ShouldContain("We can't show your Direct Debit right now"), TimeSpan.FromSeconds(30));
        cut.FindAll("form").ShouldBeEmpty();
    }
}
