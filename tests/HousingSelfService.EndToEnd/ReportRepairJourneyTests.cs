using HousingSelfService.EndToEnd.Infrastructure;
using HousingSelfService.IntegrationTests.Infrastructure;
using HousingSelfService.Web.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace HousingSelfService.EndToEnd;

/// <summary>
/// A resident reports a repair with a photo and books a visit on a phone, using only the keyboard, with axe-core (every WCAG 2.x
/// A/AA rule) and a reflow check on every page of the journey; then finds it on their dashboard, moves the visit
/// and cancels the repair.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ReportRepairJourneyTests(BrowserFixture browser)
{
    private const string Description = "The kitchen sink has a long crack and water drips into the cupboard below.";

    [Fact]
    public async Task A_resident_reports_books_moves_and_cancels_a_repair_at_phone_size_by_keyboard_alone_with_every_page_accessible()
    {
        var page = await browser.NewPageAsync(360, 740);
        await SignInAsync(page, "arrears@demo.housing.test");

        await page.GotoAsync("/repairs/report");
        await ExpectHeadingAsync(page, "Is it an emergency?");
        await page.WaitForInteractivityAsync();
        await CheckPageAsync(page);
        // Nothing chosen: the error summary and the field's message, and the page stays.
        await PressOnAsync(page, "[data-testid=continue]", "Enter");
        await page.GetByTestId("error-summary").WaitForAsync();
        await CheckPageAsync(page);
        await ChooseAsync(page, "#emergency-NotEmergency");
        await PressOnAsync(page, "[data-testid=continue]", "Enter");

        await ExpectHeadingAsync(page, "Where is the problem?");
        await CheckPageAsync(page);
        await ChooseAsync(page, "#where-Tenant");
        await PressOnAsync(page, "[data-testid=continue]", "Enter");

        await ExpectHeadingAsync(page, "Which room is the problem in?");
        await CheckPageAsync(page);
        await ChooseAsync(page, "input[value=kitchen]");
        await PressOnAsync(page, "[data-testid=continue]", "Enter");

        await ExpectHeadingAsync(page, "What is the problem with?");
        await CheckPageAsync(page);
        await ChooseAsync(page, "input[value=sink]");
        await PressOnAsync(page, "[data-testid=continue]", "Enter");

        await ExpectHeadingAsync(page, "Which of these best describes the problem?");
        await CheckPageAsync(page);
        await ChooseAsync(page, "input[value=damaged]");
        await PressOnAsync(page, "[data-testid=continue]", "Enter");

        await ExpectHeadingAsync(page, "Describe the problem");
        await TabToAsync(page, "#description");
        await page.Keyboard.TypeAsync("<b>cracked</b>");
        await PressOnAsync(page, "[data-testid=continue]", "Enter");
        await page.GetByTestId("error-summary").WaitForAsync();
        await CheckPageAsync(page);
        await TabToAsync(page, "#description", fromTop: true);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(Description);
        await page.GetByText($"You have {255 - Description.Length} characters remaining").WaitForAsync();
        await PressOnAsync(page, "[data-testid=continue]", "Enter");

        await ExpectHeadingAsync(page, "Add photos of the problem (optional)");
        await CheckPageAsync(page);
        await AddPhotosAsync(page);

        await ExpectHeadingAsync(page, "Who should we contact about this repair?");
        await CheckPageAsync(page);
        await TabToAsync(page, "#contact-name");
        await page.Keyboard.TypeAsync("Mei Osei");
        await TabToAsync(page, "#contact-phone");
        await page.Keyboard.TypeAsync("07700 900982");
        await ChooseAsync(page, "#confirm-Text");
        await PressOnAsync(page, "[data-testid=continue]", "Enter");

        await ExpectHeadingAsync(page, "When can we visit?");
        await CheckPageAsync(page);
        await ChooseAsync(page, "#slot-0-0");
        var slot = (await page.Locator("label[for='slot-0-0']").InnerTextAsync()).Trim();
        var day = (await page.Locator("legend").First.InnerTextAsync()).Trim();
        await PressOnAsync(page, "[data-testid=continue]", "Enter");

        await ExpectHeadingAsync(page, "Check your answers before sending your report");
        await CheckPageAsync(page);
        (await page.GetByTestId("answer-description").InnerTextAsync()).ShouldBe(Description);
        (await page.GetByTestId("answer-photos").InnerTextAsync()).ShouldBe("kitchen-leak.jpg");
        (await page.GetByTestId("answer-appointment").InnerTextAsync()).ShouldStartWith(day);
        await PressOnAsync(page, "[data-testid=send]", "Enter");

        await ExpectHeadingAsync(page, "Repair reported");
        await CheckPageAsync(page);
        var reference = (await page.GetByTestId("reference").InnerTextAsync()).Trim();
        reference.ShouldMatch(@"^\d+$");
        (await page.GetByTestId("confirmation-appointment").InnerTextAsync()).ShouldStartWith(day);
        slot.ShouldNotBeNullOrWhiteSpace();

        await PressOnAsync(page, "[data-testid=home-link]", "Enter");
        await page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = new("^Hello, ") }).WaitForAsync();
        var listed = page.Locator($"[data-testid=repair-row]:has(a[href='repairs/{reference}'])");
        await listed.WaitForAsync();
        (await listed.InnerTextAsync()).ShouldContain(Description);
        await CheckPageAsync(page);

        // Open it, move the visit to another time, then cancel it.
        await PressOnAsync(page, $"a[href='repairs/{reference}']", "Enter");
        await ExpectHeadingAsync(page, Description);
        var photo = page.GetByAltText("Photo 1 of 1: kitchen-leak.jpg");
        await photo.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=repair-photos] img')?.naturalWidth > 0");
        await CheckPageAsync(page);
        await PressOnAsync(page, "[data-testid=change-appointment]", "Enter");
        await ExpectHeadingAsync(page, "Choose a new time for the visit");
        await CheckPageAsync(page);
        await ChooseAsync(page, "#slot-1-0");
        var newDay = (await page.Locator("legend").Nth(1).InnerTextAsync()).Trim();
        await PressOnAsync(page, "[data-testid=continue]", "Enter");
        await ExpectHeadingAsync(page, Description);
        (await page.GetByTestId("repair-appointment").InnerTextAsync()).ShouldStartWith(newDay);
        newDay.ShouldNotBe(day);
        await CheckPageAsync(page);

        await PressOnAsync(page, "[data-testid=cancel-repair-link]", "Enter");
        await ExpectHeadingAsync(page, "Why do you want to cancel this repair?");
        await CheckPageAsync(page);
        await ChooseAsync(page, "#reason-0");
        await PressOnAsync(page, "[data-testid=cancel-repair]", "Enter");
        await ExpectHeadingAsync(page, Description);
        await page.GetByTestId("repair-status").Filter(new() { HasText = "Cancelled" }).WaitForAsync();
        await CheckPageAsync(page);
    }

    /// <summary>
    /// A 50 MB file first: it gets the specific "too big" message (only its size crosses the connection, so the page
    /// carries on), then a phone photo made in code, previewed with its alt text.
    /// </summary>
    private static async Task AddPhotosAsync(IPage page)
    {
        var huge = Path.Combine(Path.GetTempPath(), $"huge-{Guid.NewGuid():N}.jpg");
        try
        {
            await using (var file = File.Create(huge))
            {
                await file.WriteAsync(TestPhotos.JpegWithLocation(64, 48), TestContext.Current.CancellationToken);
                file.SetLength(50L * 1024 * 1024);
            }

            await page.Locator("#photos").SetInputFilesAsync(huge);
            await page.GetByTestId("error-summary").WaitForAsync();
            (await page.GetByTestId("photo-error").InnerTextAsync()).ShouldContain($"{Path.GetFileName(huge)} is bigger than 10 MB");
            await CheckPageAsync(page);
        }
        finally
        {
            File.Delete(huge);
        }

        await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "kitchen-leak.jpg", MimeType = "image/jpeg", Buffer = TestPhotos.JpegWithLocation() });
        await page.GetByAltText("Photo 1 of 1: kitchen-leak.jpg").WaitForAsync();
        (await page.GetByTestId("error-summary").CountAsync()).ShouldBe(0);
        await CheckPageAsync(page);
        await PressOnAsync(page, "[data-testid=continue]", "Enter");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.SignInAsDemoUserAsync(email);
        await page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = new("^Hello, ") }).WaitForAsync();
    }

    // The keyboard user and the page checks are shared (Infrastructure/KeyboardUser.cs, PageChecks.cs).
    private static Task TabToAsync(IPage page, string selector, bool fromTop = false) => page.TabToAsync(selector, fromTop);

    private static Task ChooseAsync(IPage page, string selector) => page.ChooseAsync(selector);

    private static Task PressOnAsync(IPage page, string selector, string key) => page.PressOnAsync(selector, key);

    private static Task ExpectHeadingAsync(IPage page, string text) => page.ExpectHeadingAsync(text);

    private static Task CheckPageAsync(IPage page) => page.CheckPageAsync();
}
