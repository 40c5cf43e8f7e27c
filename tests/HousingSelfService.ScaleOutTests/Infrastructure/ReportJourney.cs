using Microsoft.Playwright;

namespace HousingSelfService.ScaleOutTests.Infrastructure;

/// <summary>The repair report pages in a real browser: each question's heading and the answer the tests give.</summary>
public static class ReportJourney
{
    public const string CheckAnswers = "Check your answers before sending your report";

    /// <summary>The questions in order (each page's h1 and how to answer it), for a report described as <paramref name="description"/>.</summary>
    public static IReadOnlyList<(string Heading, Func<IPage, Task> Answer)> Questions(string description) =>
    [
        ("Is it an emergency?", page => page.Locator("#emergency-NotEmergency").CheckAsync()),
        ("Where is the problem?", page => page.Locator("#where-Tenant").CheckAsync()),
        ("Which room is the problem in?", page => page.Locator("input[value=kitchen]").CheckAsync()),
        ("What is the problem with?", page => page.Locator("input[value=sink]").CheckAsync()),
        ("Which of these best describes the problem?", page => page.Locator("input[value=damaged]").CheckAsync()),
        ("Describe the problem", page => page.Locator("#description").FillAsync(description)),
        ("Who should we contact about this repair?", async page =>
        {
            await page.Locator("#contact-name").FillAsync("Sam Scale");
            await page.Locator("#contact-phone").FillAsync("07700 900123");
            await page.Locator("#confirm-Text").CheckAsync();
        }),
        ("When can we visit?", page => page.Locator("#slot-0-0").CheckAsync()),
    ];

    /// <summary>Loads a page afresh and waits for its circuit: answers given before it connects would be lost.</summary>
    public static async Task OpenAsync(IPage page, string path = "/repairs/report")
    {
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Answers questions <paramref name="from"/> up to (not including) <paramref name="to"/>, starting on the page of the first.</summary>
    public static async Task AnswerAsync(IPage page, string description, int from = 0, int? to = null)
    {
        var questions = Questions(description);
        for (var step = from; step < (to ?? questions.Count); step++)
        {
            var (heading, answer) = questions[step];
            await ExpectHeadingAsync(page, heading);
            await answer(page);
            await page.GetByTestId("continue").ClickAsync();
        }
    }

    /// <summary>Sends the report from the check answers page; returns its draft id (from the confirmation's address).</summary>
    public static async Task<Guid> SendAsync(IPage page, string expectedHeading)
    {
        await ExpectHeadingAsync(page, CheckAnswers);
        await page.GetByTestId("send").ClickAsync();
        await ExpectHeadingAsync(page, expectedHeading);
        return Guid.Parse(page.Url.Split('/').Last());
    }

    public static Task ExpectHeadingAsync(IPage page, string text) =>
        page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = text, Exact = true }).WaitForAsync();
}
