using Microsoft.Playwright;
using Shouldly;

namespace HousingSelfService.EndToEnd.Infrastructure;

/// <summary>
/// A keyboard-only user (WCAG 2.1.1): moves with Tab, picks with the arrow keys and Space, acts with Enter, and types
/// into whatever has focus. No mouse clicks and no filling of fields that do not have focus.
/// </summary>
public static class KeyboardUser
{
    private const int MaxPresses = 80;

    /// <summary>Moves focus with Tab until an element matching <paramref name="selector"/> has it.</summary>
    public static async Task TabToAsync(this IPage page, string selector, bool fromTop = false)
    {
        if (fromTop)
        {
            await page.Locator("h1").FocusAsync(); // where focus lands after navigation; the keyboard goes on from here
        }

        await TabUntilAsync(page, selector, () => page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector));
    }

    /// <summary>Moves focus with Tab until <paramref name="target"/> (found by label, role or text) has it.</summary>
    public static async Task TabToAsync(this IPage page, ILocator target)
    {
        // Wait for it once: each focus check below would otherwise wait the full timeout for a missing element.
        await target.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await TabUntilAsync(page, target.ToString() ?? "the element", () => HasFocusAsync(target));
    }

    /// <summary>Tabs into a radio group and arrows to the wanted radio, or tabs to a checkbox, then Space checks it.</summary>
    public static Task ChooseAsync(this IPage page, string selector) => page.ChooseAsync(page.Locator(selector));

    /// <inheritdoc cref="ChooseAsync(IPage, string)"/>
    public static async Task ChooseAsync(this IPage page, ILocator choice)
    {
        await choice.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var name = await choice.GetAttributeAsync("name");
        for (var i = 0; i < MaxPresses; i++)
        {
            if (await HasFocusAsync(choice))
            {
                if (!await choice.IsCheckedAsync())
                {
                    await page.Keyboard.PressAsync("Space");
                }

                (await choice.IsCheckedAsync()).ShouldBeTrue();
                return;
            }

            var inGroup = await page.EvaluateAsync<bool>("n => document.activeElement?.type === 'radio' && document.activeElement.name === n", name);
            await page.Keyboard.PressAsync(inGroup ? "ArrowDown" : "Tab");
        }

        throw new Xunit.Sdk.XunitException($"The keyboard never reached {choice} on {page.Url}.");
    }

    /// <summary>Tabs to the element and presses a key on it (Enter for links and buttons).</summary>
    public static async Task PressOnAsync(this IPage page, string selector, string key = "Enter")
    {
        await page.TabToAsync(selector);
        await page.Keyboard.PressAsync(key);
    }

    /// <inheritdoc cref="PressOnAsync(IPage, string, string)"/>
    public static async Task PressOnAsync(this IPage page, ILocator target, string key = "Enter")
    {
        await page.TabToAsync(target);
        await page.Keyboard.PressAsync(key);
    }

    /// <summary>Tabs to a text field, selects what is in it and types over it.</summary>
    public static async Task TypeIntoAsync(this IPage page, ILocator field, string text)
    {
        await page.TabToAsync(field);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>
    /// Presses Enter on a link or button and waits for the page with this h1. After in-app navigation, focus must be on
    /// the h1 so screen readers announce the new page (WCAG 2.4.3); a full page load starts at the top of the page.
    /// </summary>
    public static async Task FollowAsync(this IPage page, ILocator target, string heading)
    {
        await page.EvaluateAsync("() => window.__a11ySameDocument = true");
        await page.PressOnAsync(target);
        try
        {
            await page.ExpectHeadingAsync(heading);
        }
        catch (TimeoutException)
        {
            var problems = await page.GetByTestId("error-summary").AllInnerTextsAsync();
            throw new Xunit.Sdk.XunitException($"Expected the page \"{heading}\" after pressing Enter on {target}, but {page.Url} "
                + $"has the h1 \"{await page.Locator("h1").First.InnerTextAsync()}\" {string.Join(" ", problems)}");
        }

        if (await page.EvaluateAsync<bool>("() => window.__a11ySameDocument === true"))
        {
            await page.ShouldFocusAsync("h1", $"the h1 \"{heading}\"");
        }
    }

    /// <inheritdoc cref="FollowAsync(IPage, ILocator, string)"/>
    public static Task FollowAsync(this IPage page, string selector, string heading) => page.FollowAsync(page.Locator(selector).First, heading);

    /// <summary>After a failed submit, focus is on the error summary, so its problems are read first.</summary>
    public static async Task ShouldFocusErrorSummaryAsync(this IPage page)
    {
        await page.GetByTestId("error-summary").WaitForAsync();
        await page.ShouldFocusAsync(".error-summary", "the error summary");
    }

    private static async Task ShouldFocusAsync(this IPage page, string selector, string what)
    {
        try
        {
            await page.WaitForFunctionAsync("s => document.activeElement?.matches(s)", selector, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing'");
            throw new Xunit.Sdk.XunitException($"Focus should be on {what} on {page.Url}, but is on {focused}.");
        }
    }

    private static Task<bool> HasFocusAsync(ILocator target) => target.EvaluateAsync<bool>("el => el === document.activeElement");

    private static async Task TabUntilAsync(IPage page, string what, Func<Task<bool>> focused)
    {
        for (var i = 0; i < MaxPresses; i++)
        {
            if (await focused())
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        throw new Xunit.Sdk.XunitException($"Tab never reached {what} on {page.Url}.");
    }
}
