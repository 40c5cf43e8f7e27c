using HousingSelfService.EndToEnd.Infrastructure;
using HousingSelfService.Web.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static HousingSelfService.EndToEnd.Infrastructure.PageChecks;

namespace HousingSelfService.EndToEnd;

/// <summary>
/// A resident in arrears, on a phone, checks their rent, pays £25 with a test card on the provider's page and finds the
/// payment on their statement; axe-core and the reflow check run on every rent page state visited.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class RentJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_resident_pays_25_pounds_by_card_on_a_phone_and_sees_it_on_their_statement()
    {
        var page = await browser.NewPageAsync(360, 740);
        await page.SignInAsDemoUserAsync("arrears@demo.housing.test");
        await page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = new("^Hello, ") }).WaitForAsync();

        await page.GotoAsync("rent");
        await page.ExpectHeadingAsync("Your rent");
        await page.GetByTestId("balance-history-table").WaitForAsync();
        (await page.GetByTestId("balance").InnerTextAsync()).ShouldStartWith("You owe £");
        await page.WaitForInteractivityAsync();
        await page.CheckPageAsync();

        await page.GetByTestId("pay-link").ClickAsync();
        await page.ExpectHeadingAsync("Pay your rent by card");
        await page.WaitForInteractivityAsync();
        await page.CheckPageAsync();

        // Bad input: a specific message, linked from the summary, and nothing sent.
        var amount = page.GetByLabel("How much do you want to pay?");
        await amount.FillAsync("twenty five");
        await page.GetByTestId("continue-to-payment").ClickAsync();
        await page.GetByTestId("error-summary").WaitForAsync();
        (await page.GetByTestId("error-summary").InnerTextAsync()).ShouldContain("Enter an amount in pounds and pence, like 25.50");
        await page.CheckPageAsync();

        await amount.FillAsync("25");
        await page.GetByTestId("continue-to-payment").ClickAsync();

        // The provider's hosted card page (the reference API's test page).
        await page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Enter card details" }).WaitForAsync();
        (await page.GetByTestId("amount").InnerTextAsync()).ShouldBe("£25.00");
        await page.ShouldHaveNoAccessibilityViolationsAsync();
        await page.ShouldNotScrollHorizontallyAsync();
        await page.GetByLabel("Card number").FillAsync("4444333322221111");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm payment" }).ClickAsync();

        await page.ExpectHeadingAsync("Payment received");
        (await page.GetByTestId("payment-result").InnerTextAsync()).ShouldContain("You paid £25.00");
        await page.CheckPageAsync();

        await page.GetByTestId("payment-result").GetByRole(AriaRole.Link, new() { Name = "your statement" }).ClickAsync();
        await page.ExpectHeadingAsync("Your rent statement");
        var newest = page.GetByTestId("statement-table").Locator("tbody tr").First;
        await newest.WaitForAsync();
        (await newest.InnerTextAsync()).ShouldContain("Card payment");
        (await newest.InnerTextAsync()).ShouldContain("£25.00");
        await page.WaitForInteractivityAsync();
        await page.CheckPageAsync();

        // Custom dates that make no sense get an error summary, and no statement.
        await page.GetByLabel("Choose dates").CheckAsync();
        await page.GetByLabel("Start date").FillAsync("2026-01-10");
        await page.GetByLabel("End date").FillAsync("2026-01-01");
        await page.GetByTestId("show-statement").ClickAsync();
        await page.GetByTestId("error-summary").WaitForAsync();
        (await page.GetByTestId("statement-table").CountAsync()).ShouldBe(0);
        await page.CheckPageAsync();

        // Direct Debit: the form's error state and the set-up mandate, both accessible.
        await page.GotoAsync("rent/direct-debit");
        await page.ExpectHeadingAsync("Pay your rent by Direct Debit");
        await page.GetByTestId("direct-debit-form").WaitForAsync();
        await page.WaitForInteractivityAsync();
        await page.CheckPageAsync();
        await page.GetByTestId("set-up-direct-debit").ClickAsync();
        await page.GetByTestId("error-summary").WaitForAsync();
        await page.CheckPageAsync();
        await page.GetByLabel("Name on the account").FillAsync("Mei Osei");
        await page.GetByLabel("Sort code").FillAsync("30-90-70");
        await page.GetByLabel("Account number").FillAsync("12345677");
        await page.GetByLabel("Day of the month to take the payment").SelectOptionAsync("15");
        await page.GetByLabel("How much to pay each month").FillAsync("120");
        await page.GetByLabel("This is my bank account").CheckAsync();
        await page.GetByTestId("set-up-direct-debit").ClickAsync();
        (await page.GetByTestId("account-ending").InnerTextAsync()).ShouldBe("Ending 5677");
        await page.CheckPageAsync();

        // A payment arrangement: the time to clear is shown before agreeing, then the arrangement's state.
        await page.GotoAsync("rent/arrangement");
        await page.ExpectHeadingAsync("Pay off what you owe in instalments");
        await page.GetByTestId("arrangement-form").WaitForAsync();
        await page.WaitForInteractivityAsync();
        await page.GetByLabel("How much can you pay towards what you owe?").FillAsync("15");
        await page.GetByLabel("every 2 weeks").CheckAsync();
        // The figure updates over the circuit after the choice: wait for it rather than read it once.
        await Assertions.Expect(page.GetByTestId("time-to-clear")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Paying £15.00 every 2 weeks from "));
        await page.CheckPageAsync();
        await page.GetByTestId("propose-arrangement").ClickAsync();
        (await page.GetByTestId("arrangement-state").InnerTextAsync()).ShouldBe("Active: you are keeping to it");
        await page.CheckPageAsync();
    }
}
