using HousingSelfService.CouncilApi;
using HousingSelfService.EndToEnd.Infrastructure;
using HousingSelfService.IntegrationTests.Infrastructure;
using HousingSelfService.Web.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace HousingSelfService.EndToEnd;

/// <summary>
/// WCAG 2.1.1 and 2.4.3: the main journeys done with the keyboard alone (Tab, Shift+Tab, arrows, Space, Enter, typing
/// into the focused field; no mouse, no filling of unfocused fields) on a phone-sized screen. After each in-app
/// navigation focus is on the new page's h1, and after each failed submit it is on the error summary. The repair
/// report is done this way in <see cref="ReportRepairJourneyTests"/>.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class KeyboardJourneyTests(BrowserFixture browser)
{
    // No other browser test changes this resident's payments, Direct Debit, contact details or requests.
    private static readonly DemoHousehold Resident = DemoData.Featured[3];
    private static readonly string ResidentEmail = $"leaseholder@{DemoSignIns.EmailDomain}";
    private static readonly DemoHousehold Assisted = DemoData.Featured[4];

    [Fact]
    public async Task A_resident_signs_in_pays_rent_by_card_and_downloads_a_statement_by_keyboard_alone()
    {
        var page = await browser.NewPageAsync(360, 740);
        await SignInAsync(page, ResidentEmail, "not-the-password");
        await page.ShouldFocusErrorSummaryAsync();
        await page.TypeIntoAsync(page.Locator("#password"), DemoSignIns.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.ExpectHeadingAsync($"Hello, {Resident.FirstName} {Resident.Surname}");

        await page.GotoAsync("rent/pay");
        await page.ExpectHeadingAsync("Pay your rent by card");
        await page.WaitForInteractivityAsync();
        await page.TypeIntoAsync(page.GetByLabel("How much do you want to pay?"), "");
        await page.PressOnAsync("[data-testid=continue-to-payment]");
        await page.ShouldFocusErrorSummaryAsync();
        await page.TypeIntoAsync(page.GetByLabel("How much do you want to pay?"), "25");
        await page.FollowAsync("[data-testid=continue-to-payment]", "Enter card details");

        // The provider's card page (the reference API's test page), and back.
        await page.TypeIntoAsync(page.GetByLabel("Card number"), "4444333322221111");
        await page.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Confirm payment" }), "Payment received");
        (await page.GetByTestId("payment-result").InnerTextAsync()).ShouldContain("You paid £25.00");
        await page.WaitForInteractivityAsync();

        await page.FollowAsync(page.GetByTestId("payment-result").GetByRole(AriaRole.Link, new() { Name = "your statement" }), "Your rent statement");
        // "Choose dates" with no dates: the error summary, and no statement.
        await page.ChooseAsync(page.GetByLabel("Choose dates"));
        await page.PressOnAsync("[data-testid=show-statement]");
        await page.ShouldFocusErrorSummaryAsync();
        (await page.GetByTestId("statement-table").CountAsync()).ShouldBe(0);

        await page.ChooseAsync(page.GetByLabel("The last 3 months"));
        await page.PressOnAsync("[data-testid=show-statement]");
        await page.Locator("[data-testid=statement-table] tbody tr", new() { HasText = "£25.00" }).First.WaitForAsync();
        await page.WaitForInteractivityAsync();
        await page.TabToAsync("[data-testid=download-csv]");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        download.SuggestedFilename.ShouldEndWith(".csv");
    }

    [Fact]
    public async Task A_resident_sets_up_a_Direct_Debit_by_keyboard_alone_and_hears_that_it_is_set_up()
    {
        var page = await browser.NewSignedInPageAsync(ResidentEmail, 360, 740);
        await page.GotoAsync("rent/direct-debit");
        await page.ExpectHeadingAsync("Pay your rent by Direct Debit");
        await page.GetByTestId("direct-debit-form").WaitForAsync();
        await page.WaitForInteractivityAsync();

        await page.PressOnAsync("[data-testid=set-up-direct-debit]");
        await page.ShouldFocusErrorSummaryAsync();
        await page.TypeIntoAsync(page.GetByLabel("Name on the account"), $"{Resident.FirstName} {Resident.Surname}");
        await page.TypeIntoAsync(page.GetByLabel("Sort code"), "30-90-70");
        await page.TypeIntoAsync(page.GetByLabel("Account number"), "12345677");
        // A select takes typing: "15" picks the 15th.
        await page.TabToAsync(page.GetByLabel("Day of the month to take the payment"));
        await page.Keyboard.TypeAsync("15");
        (await page.GetByLabel("Day of the month to take the payment").InputValueAsync()).ShouldBe("15");
        await page.TypeIntoAsync(page.GetByLabel("How much to pay each month"), "120");
        await page.ChooseAsync(page.GetByLabel("This is my bank account"));

        await page.WatchLiveRegionsAsync();
        await page.PressOnAsync("[data-testid=set-up-direct-debit]");
        await page.ShouldAnnounceAsync("Your Direct Debit is set up");
        (await page.GetByTestId("account-ending").InnerTextAsync()).ShouldBe("Ending 5677");
    }

    [Fact]
    public async Task A_resident_changes_a_phone_number_and_asks_for_permission_to_keep_a_pet_by_keyboard_alone()
    {
        var page = await browser.NewSignedInPageAsync(ResidentEmail, 360, 740);
        await page.GotoAsync("tenancy/contact-details");
        await page.ExpectHeadingAsync("Your contact details");
        await page.WaitForInteractivityAsync();

        await page.FollowAsync("[data-testid=add-phone]", "Add a phone number");
        await page.TypeIntoAsync(page.GetByLabel("Phone number", new() { Exact = true }), "07700 900 333");
        await page.FollowAsync("[data-testid=save]", "Your contact details");
        var added = page.GetByTestId("contact").Filter(new() { HasText = "07700 900 333" });
        await page.FollowAsync(added.GetByRole(AriaRole.Link, new() { NameRegex = new("^Change") }), "Change your phone number");
        await page.TypeIntoAsync(page.GetByLabel("Phone number", new() { Exact = true }), "abc");
        await page.PressOnAsync("[data-testid=save]");
        await page.ShouldFocusErrorSummaryAsync();
        await page.TypeIntoAsync(page.GetByLabel("Phone number", new() { Exact = true }), "07700 900 444");
        await page.FollowAsync("[data-testid=save]", "Your contact details");
        (await page.GetByTestId("phone-list").InnerTextAsync()).ShouldContain("07700 900 444");

        await page.GotoAsync("tenancy/requests/new/permission");
        await page.WaitForInteractivityAsync();
        await page.PressOnAsync("[data-testid=continue]");
        await page.ShouldFocusErrorSummaryAsync();
        await page.ChooseAsync(page.GetByLabel("Keeping a pet"));
        await page.TypeIntoAsync(page.GetByLabel("Tell us what you want to do"), "A small cat called Biscuit");
        await page.FollowAsync("[data-testid=continue]", "Check your answers");
        (await page.GetByTestId("check-answers").InnerTextAsync()).ShouldContain("A small cat called Biscuit");
        await page.FollowAsync("[data-testid=send]", "Request sent");
        (await page.GetByTestId("request-reference").InnerTextAsync()).ShouldMatch("^TP-[0-9A-F]{8}$");
    }

    [Fact]
    public async Task An_officer_signs_in_with_a_code_finds_a_resident_and_assists_them_by_keyboard_alone()
    {
        var page = await browser.NewPageAsync(1280, 800);
        await SignInAsync(page, $"officer@{DemoSignIns.EmailDomain}", DemoSignIns.Password);
        await page.ExpectHeadingAsync("Enter your security code");
        await page.PressOnAsync(page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));
        await page.ShouldFocusErrorSummaryAsync();
        await page.TypeIntoAsync(page.GetByLabel("Security code"), Totp.Code(DemoSignIns.OfficerAuthenticatorKey));
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("officer-landing").WaitForAsync();
        await page.WaitForInteractivityAsync();

        await page.FollowAsync("[data-testid=find-resident]", "Find a resident");
        await page.PressOnAsync("[data-testid=search]");
        await page.ShouldFocusErrorSummaryAsync();
        await page.TypeIntoAsync(page.GetByLabel("Name, address, postcode or payment reference"), Assisted.Postcode);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("results").WaitForAsync();
        await page.WaitForInteractivityAsync();

        var name = $"{Assisted.FirstName} {Assisted.Surname}";
        await page.FollowAsync(page.GetByTestId("results").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First, name);
        await page.FollowAsync("[data-testid=start-assist]", $"Help {name}");
        await page.PressOnAsync("[data-testid=confirm-assist]");
        await page.ShouldFocusErrorSummaryAsync();
        await page.TypeIntoAsync(page.GetByLabel("Reason"), "Resident phoned and uses a screen reader (keyboard test)");
        await page.FollowAsync("[data-testid=confirm-assist]", $"Hello, {name}");
        await page.GetByTestId("assist-banner").WaitForAsync();
        await page.WaitForInteractivityAsync();

        await page.FollowAsync("[data-testid=end-assist]", name);
        (await page.GetByTestId("assist-banner").CountAsync()).ShouldBe(0);
    }

    /// <summary>Types the email and password into the sign-in form and sends it with Enter.</summary>
    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("Account/Login");
        await page.ExpectHeadingAsync("Sign in");
        await page.TypeIntoAsync(page.GetByLabel("Email address"), email);
        await page.TypeIntoAsync(page.GetByLabel("Password", new() { Exact = true }), password);
        await page.Keyboard.PressAsync("Enter");
    }
}
