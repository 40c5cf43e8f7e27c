using HousingSelfService.EndToEnd.Infrastructure;
using HousingSelfService.Web.Features.Tenancy;
using HousingSelfService.Web.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace HousingSelfService.EndToEnd;

/// <summary>
/// A resident looks after their tenancy on a phone: every tenancy page (and a form showing errors) is checked with
/// axe-core and for reflow at 320 px, and two journeys run at a typical phone size.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class TenancyJourneyTests(BrowserFixture browser)
{
    private static async Task<IPage> SignedInAsync(BrowserFixture browser, string email, int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        await page.SignInAsDemoUserAsync(email);
        await page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = new("^Hello, ") }).WaitForAsync();
        return page;
    }

    [Fact]
    public async Task Every_tenancy_page_is_accessible_and_reflows_at_320_px()
    {
        var page = await SignedInAsync(browser, "arrears@demo.housing.test", 320, 640);
        var pages = new (string Url, string Heading)[]
        {
            ("tenancy", "Your tenancy"),
            ("tenancy/household", "Your household"),
            ("tenancy/contact-details", "Your contact details"),
            ("tenancy/contact-details/add/phone", "Add a phone number"),
            ("tenancy/contact-details/add/email", "Add an email address"),
            ("tenancy/name", "The name we use for you"),
            ("tenancy/requests", "Your requests"),
            ("tenancy/letters", "Letters we have sent you"),
        };
        foreach (var (url, heading) in pages.Concat(RequestForms.All.Select(d => ($"tenancy/requests/new/{d.Slug}", d.Title))))
        {
            await page.GotoAsync(url);
            await page.ExpectHeadingAsync(heading);
            await page.CheckPageAsync();
        }

        // A letter downloads as a file (the link must not be taken over by Blazor's router).
        await page.GotoAsync("tenancy/letters");
        await page.WaitForInteractivityAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("letter-download").First.ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".txt");

        // A form showing its errors, and the check answers page.
        await page.GotoAsync("tenancy/requests/new/end-tenancy");
        await page.WaitForInteractivityAsync();
        await page.GetByTestId("continue").ClickAsync();
        await page.GetByTestId("error-summary").WaitForAsync();
        await page.CheckPageAsync();

        await page.GotoAsync("tenancy/requests/new/permission");
        await page.WaitForInteractivityAsync();
        await page.GetByLabel("Keeping a pet").CheckAsync();
        await page.GetByLabel("Tell us what you want to do").FillAsync("A small cat");
        await page.GetByTestId("continue").ClickAsync();
        await page.ExpectHeadingAsync("Check your answers");
        await page.CheckPageAsync();
    }

    [Fact]
    public async Task At_phone_size_a_resident_changes_a_phone_number()
    {
        var page = await SignedInAsync(browser, "introductory@demo.housing.test", 360, 740);
        await page.GotoAsync("tenancy/contact-details");
        await page.ExpectHeadingAsync("Your contact details");
        await page.WaitForInteractivityAsync();

        await page.GetByTestId("add-phone").ClickAsync();
        await page.ExpectHeadingAsync("Add a phone number");
        await page.WaitForInteractivityAsync();
        await page.GetByLabel("Phone number", new() { Exact = true }).FillAsync("07700 900 111");
        await page.GetByTestId("save").ClickAsync();
        await page.GetByTestId("done").WaitForAsync();

        var added = page.GetByTestId("contact").Filter(new() { HasText = "07700 900 111" });
        await added.GetByRole(AriaRole.Link, new() { NameRegex = new("^Change") }).ClickAsync();
        await page.ExpectHeadingAsync("Change your phone number");
        await page.WaitForInteractivityAsync();
        await page.GetByLabel("Phone number", new() { Exact = true }).FillAsync("abc");
        await page.GetByTestId("save").ClickAsync();
        await page.GetByTestId("error-summary").WaitForAsync();
        await page.CheckPageAsync();

        await page.GetByLabel("Phone number", new() { Exact = true }).FillAsync("07700 900 222");
        await page.GetByTestId("save").ClickAsync();
        await page.GetByTestId("done").WaitForAsync();
        await page.ExpectHeadingAsync("Your contact details");
        (await page.GetByTestId("phone-list").InnerTextAsync()).ShouldContain("07700 900 222");
        (await page.GetByTestId("phone-list").InnerTextAsync()).ShouldNotContain("07700 900 111");
        await page.CheckPageAsync();
    }

    [Fact]
    public async Task At_phone_size_a_resident_asks_to_add_a_household_member_and_sees_the_request()
    {
        var page = await SignedInAsync(browser, "repairs@demo.housing.test", 360, 740);
        await page.GotoAsync("tenancy/household");
        await page.ExpectHeadingAsync("Your household");
        await page.WaitForInteractivityAsync();

        await page.GetByTestId("add-member").ClickAsync();
        await page.ExpectHeadingAsync("Add someone to your household");
        await page.WaitForInteractivityAsync();
        var born = UkFormat.Today(TimeProvider.System).AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("Their full name").FillAsync("Ada Begum");
        await page.GetByLabel("Their date of birth").FillAsync(born);
        await page.GetByLabel("Son or daughter").CheckAsync();
        await page.GetByLabel("A baby was born").CheckAsync();
        await page.GetByLabel("When did they start, or when will they start, living with you?").FillAsync(born);
        await page.GetByTestId("continue").ClickAsync();

        await page.ExpectHeadingAsync("Check your answers");
        (await page.GetByTestId("check-answers").InnerTextAsync()).ShouldContain("Ada Begum");
        await page.GetByTestId("send").ClickAsync();
        await page.ExpectHeadingAsync("Request sent");
        var reference = (await page.GetByTestId("request-reference").InnerTextAsync()).Trim();
        reference.ShouldMatch("^TP-[0-9A-F]{8}$");
        await page.CheckPageAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "your requests" }).ClickAsync();
        await page.ExpectHeadingAsync("Your requests");
        var row = page.GetByTestId("request").Filter(new() { HasText = reference });
        (await row.InnerTextAsync()).ShouldContain("Add someone to your household");
        (await row.GetByTestId("request-status").InnerTextAsync()).ShouldBe("Received");
        await page.CheckPageAsync();
    }
}
