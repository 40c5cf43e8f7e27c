using Microsoft.Playwright;

namespace HousingSelfService.EndToEnd.Infrastructure;

/// <summary>
/// WCAG 4.1.3: a status message that appears without a page load is announced only when it changes inside a live
/// region (role=status, role=alert, aria-live) that was already in the page. A region added together with its text is
/// usually missed by screen readers, so that counts as not announced.
/// </summary>
public static class LiveRegions
{
    /// <summary>From now on, records which text changes happen inside live regions that were already there.</summary>
    public static Task WatchLiveRegionsAsync(this IPage page) => page.EvaluateAsync("""
        () => {
            const live = '[role=status], [role=alert], [role=alertdialog], [role=log], [aria-live]:not([aria-live=off]), output';
            const known = new WeakSet();
            const remember = () => document.querySelectorAll(live).forEach(e => known.add(e));
            remember();
            window.__a11yAnnounced = [];
            window.__a11yMissed = [];
            new MutationObserver(records => {
                for (const record of records) {
                    const node = record.type === 'characterData' ? record.target.parentElement : record.target;
                    const region = node instanceof Element ? node.closest(live) : null;
                    if (region && known.has(region)) {
                        window.__a11yAnnounced.push(region.textContent.replace(/\s+/g, ' ').trim());
                    } else {
                        for (const added of record.addedNodes) {
                            const text = (added.textContent || '').replace(/\s+/g, ' ').trim();
                            if (text) window.__a11yMissed.push(text.slice(0, 100));
                        }
                    }
                }
                remember();
            }).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """);

    /// <summary>Waits until <paramref name="text"/> has been put into a live region that was there before it.</summary>
    public static async Task ShouldAnnounceAsync(this IPage page, string text)
    {
        try
        {
            await page.WaitForFunctionAsync("t => (window.__a11yAnnounced || []).some(a => a.includes(t))", text, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            var missed = await page.EvaluateAsync<string[]?>("() => window.__a11yMissed ?? null");
            throw new Xunit.Sdk.XunitException(missed is null
                ? $"\"{text}\" was not announced: the page reloaded, so the watch on live regions was lost ({page.Url})."
                : $"\"{text}\" was not announced in a live region that was already in the page on {page.Url}. "
                    + $"Text that appeared outside live regions: {string.Join(" | ", missed)}");
        }
    }
}
