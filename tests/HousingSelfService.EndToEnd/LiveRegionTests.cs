using HousingSelfService.EndToEnd.Infrastructure;
using HousingSelfService.Web.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace HousingSelfService.EndToEnd;

/// <summary>
/// WCAG 4.1.3: status messages that appear without a page load are announced, because they change inside a live
/// region that was already in the page. The session time-out warning is checked in <see cref="SessionTimeoutTests"/>
/// and the Direct Debit confirmation in <see cref="KeyboardJourneyTests"/>.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class LiveRegionTests(BrowserFixture browser)
{
    private static readonly string Tenant = $"credit@{DemoSignIns.EmailDomain}";
    private static readonly string Arrears = $"arrears@{DemoSignIns.EmailDomain}";

    [Fact]
    public async Task The_repair_descriptions_characters_left_are_announced_as_you_type()
    {
        var page = await browser.NewSignedInPageAsync(AuditedPages.Reporter, 1280, 800);
        await AuditedPages.ReportRepairAsync(page, 5);
        await page.WatchLiveRegionsAsync();
        await page.TabToAsync("#description");
        await page.Keyboard.TypeAsync("A dripping tap");
        await page.ShouldAnnounceAsync($"You have {255 - "A dripping tap".Length} characters remaining");
        // Once, when typing paused: not a count for every key pressed on the way.
        (await page.EvaluateAsync<string[]>("() => window.__a11yAnnounced")).ShouldNotContain(a => a.Contains("254 characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Copying_the_payment_reference_says_so()
    {
        var page = await browser.NewSignedInPageAsync(Tenant, 1280, 800);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await AuditedPages.GoToAsync(page, "tenancy", "Your tenancy");
        await page.WaitForInteractivityAsync();
        await page.WatchLiveRegionsAsync();
        await page.PressOnAsync("[data-testid=copy-reference]");
        await page.ShouldAnnounceAsync("Copied");
    }

    [Fact]
    public async Task Saving_the_preferred_name_says_so()
    {
        var page = await browser.NewSignedInPageAsync(Tenant, 1280, 800);
        await AuditedPages.GoToAsync(page, "tenancy/name", "The name we use for you");
        await page.WaitForInteractivityAsync();
        await page.WatchLiveRegionsAsync();
        // Boxes left as they are: saving keeps the name we use, and still confirms it.
        await page.PressOnAsync("[data-testid=save]");
        await page.ShouldAnnounceAsync("We have saved the name we use for you.");
    }

    [Fact]
    public async Task The_time_to_clear_arrears_is_announced_when_it_first_appears_and_when_it_changes()
    {
        var page = await browser.NewSignedInPageAsync(Arrears, 1280, 800);
        await AuditedPages.GoToAsync(page, "rent/arrangement", "Pay off what you owe in instalments");
        await page.GetByTestId("arrangement-form").WaitForAsync();
        await page.WaitForInteractivityAsync();
        await page.WatchLiveRegionsAsync();
        await page.TypeIntoAsync(page.GetByLabel("How much can you pay towards what you owe?"), "15");
        await page.ChooseAsync(page.GetByLabel("every 2 weeks"));
        await page.ShouldAnnounceAsync("Paying £15.00 every 2 weeks from ");
        await page.ChooseAsync(page.GetByLabel("every week"));
        await page.ShouldAnnounceAsync("Paying £15.00 every week from ");
    }

    [Fact]
    public async Task The_officers_search_results_count_is_on_a_new_page_or_announced()
    {
        var page = await browser.NewSignedInPageAsync($"officer@{DemoSignIns.EmailDomain}", 1280, 800);
        await AuditedPages.GoToAsync(page, "officer", "Find a resident");
        await page.WaitForInteractivityAsync();
        await page.WatchLiveRegionsAsync();
        await page.TypeIntoAsync(page.GetByLabel("Name, address, postcode or payment reference"), CouncilApi.DemoData.Featured[4].Postcode);
        await page.Keyboard.PressAsync("Enter");
        var count = page.GetByTestId("results-count");
        await count.WaitForAsync();
        // A new page is read from its top by screen readers, so the count needs no live region; a result shown in
        // place (were search ever made live) must be announced.
        if (await page.EvaluateAsync<bool>("() => Array.isArray(window.__a11yAnnounced)"))
        {
            await page.ShouldAnnounceAsync((await count.InnerTextAsync()).Trim());
        }

        (await count.InnerTextAsync()).ShouldMatch("^\\d+ residents? found for");
    }
}
