using Microsoft.Playwright;
using Xunit;

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
        ("Add photos of the problem (optional)", _ => Task.CompletedTask),
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
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // nginx answers 502 for a moment when it has just marked an instance down (max_fails) and the
                // other one failed a request too; a resident would reload, and so does this, for up to 30 s.
                var response = await page.GotoAsync(path);
                if (response is { Status: >= 500 } && attempt < 30)
                {
                    await Task.Delay(1000, TestContext.Current.CancellationToken);
                    continue;
                }

                break;
            }
            catch (PlaywrightException exception) when (attempt < 30 && (exception.Message.Contains("ERR_ABORTED", StringComparison.Ordinal)
                || exception.Message.Contains("interrupted by another navigation", StringComparison.Ordinal)))
            {
                // The old page's reconnection handler reloaded it at the same moment (its circuit's instance is gone).
            }
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>
    /// Answers whichever question the page asks until it shows <paramref name="until"/> (default: check your answers).
    /// The app moves a resident on to the first question their draft has no answer for, so a resident with answers
    /// saved earlier skips ahead; this follows the app rather than assuming the order.
    /// </summary>
    public static async Task AnswerAsync(IPage page, string description, string until = CheckAnswers)
    {
        var questions = Questions(description);
        for (var round = 0; round < questions.Count * 2; round++)
        {
            // A page still loading shows a general heading first (the triage page: "What is the problem?").
            bool Known(string heading) => heading == until || questions.Any(q => q.Heading == heading);
            await WaitUntilAsync(page, async () => Known(await HeadingAsync(page)));
            var heading = await HeadingAsync(page);
            if (heading == until)
            {
                return;
            }

            await questions.First(q => q.Heading == heading).Answer(page);
            await page.GetByTestId("continue").ClickAsync();
            // On to the next page (or an error summary, answered again in the next round).
            await WaitUntilAsync(page, async () => await HeadingAsync(page) != heading || await page.GetByTestId("error-summary").IsVisibleAsync());
        }

        throw new InvalidOperationException($"Did not reach '{until}'; the page shows '{await HeadingAsync(page)}' at {page.Url}.");
    }

    /// <summary>The page's h1 once one is showing.</summary>
    public static async Task<string> HeadingAsync(IPage page)
    {
        var h1 = page.Locator("h1");
        await h1.First.WaitForAsync();
        return (await h1.First.InnerTextAsync()).Trim();
    }

    private static async Task WaitUntilAsync(IPage page, Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline;)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"Waited 30 s; the page shows '{await HeadingAsync(page)}' at {page.Url}.");
    }

    /// <summary>Sends the report from the check answers page; returns its draft id (from the confirmation's address).</summary>
    public static async Task<Guid> SendAsync(IPage page, string expectedHeading)
    {
        await ExpectHeadingAsync(page, CheckAnswers);
        await page.GetByTestId("send").ClickAsync();
        await ExpectHeadingAsync(page, expectedHeading);
        return Guid.Parse(page.Url.Split('/').Last());
    }

    public static async Task ExpectHeadingAsync(IPage page, string text)
    {
        try
        {
            await page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = text, Exact = true }).WaitForAsync();
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"Expected '{text}', but the page shows '{await HeadingAsync(page)}' at {page.Url}.", exception);
        }
    }
}
