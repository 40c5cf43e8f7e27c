using System.Globalization;
using Microsoft.Playwright;
using Shouldly;

namespace HousingSelfService.EndToEnd.Infrastructure;

/// <summary>
/// WCAG 2.2 checks axe-core cannot make, run in the page: keyboard access with a visible, unhidden focus indicator,
/// target size, text spacing, reduced motion, forced colours and dragging. Each throws with every offending element listed.
/// </summary>
public static class WcagChecks
{
    private const int MaxTabStops = 120;

    /// <summary>
    /// The whole audit on the page state in front of it: axe-core, keyboard and focus (also in forced colours), 24 px
    /// targets, text spacing, reduced motion and dragging at the current size, then reflow at 400% zoom of 1280 px and
    /// axe, reflow and targets at 320 and 360 px. Puts the viewport back as it was.
    /// </summary>
    public static async Task ShouldMeetEveryCheckAsync(this IPage page)
    {
        var size = page.ViewportSize ?? throw new InvalidOperationException("The page has no fixed viewport.");
        (await page.Locator("h1").CountAsync()).ShouldBe(1, $"{page.Url} should have exactly one h1");
        await page.ShouldHaveNoAccessibilityViolationsAsync();
        await page.ShouldBeUsableByKeyboardWithVisibleFocusAsync();
        await page.ShouldShowFocusInForcedColoursAsync();
        await page.ShouldHaveTargetsAtLeast24PixelsAsync();
        await page.ShouldKeepAllTextWithWcagTextSpacingAsync();
        await page.ShouldNotAnimateWithReducedMotionAsync();
        await page.ShouldNeedNoDraggingAsync();

        // 1.4.10: 400% zoom of a 1280 x 800 window is a 320 x 200 CSS pixel viewport.
        await page.SetViewportSizeAsync(320, 200);
        await page.ShouldNotScrollHorizontallyAsync();

        foreach (var (width, height) in new[] { (320, 640), (360, 740) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.ShouldHaveNoAccessibilityViolationsAsync();
            await page.ShouldNotScrollHorizontallyAsync();
            await page.ShouldHaveTargetsAtLeast24PixelsAsync();
        }

        await page.ShouldBeUsableByKeyboardWithVisibleFocusAsync();
        await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    /// <summary>
    /// 2.1.1, 2.4.3, 2.4.7, 2.4.11: Tab reaches every visible control in order, each shows a focus indicator that is
    /// not hidden by other content, and Shift+Tab goes back. In forced-colours mode, box shadows and backgrounds are
    /// dropped by the browser, so there the indicator must be an outline.
    /// </summary>
    public static async Task ShouldBeUsableByKeyboardWithVisibleFocusAsync(this IPage page, bool forcedColours = false)
    {
        await page.EvaluateAsync("""
            () => {
                document.querySelectorAll('[data-a11y-stop]').forEach(e => e.removeAttribute('data-a11y-stop'));
                window.__a11yLastStop = null;
                // Start from the top of the page, as a fresh visit does: Tab moves on from a focused, non-tabbable start.
                const start = document.createElement('span');
                start.id = 'a11y-tab-start';
                start.tabIndex = -1;
                document.body.prepend(start);
                start.focus();
                window.scrollTo(0, 0);
            }
            """);
        var problems = new List<string>();
        var stops = new List<string>();
        for (var i = 0; i < MaxTabStops; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var stop = await page.EvaluateAsync<FocusStop>(DescribeFocusScript, forcedColours);
            if (stop.SameAsLast)
            {
                continue;
            }

            if (stop.Kind == "none" || stop.AlreadyVisited)
            {
                break;
            }

            stops.Add(stop.Name);
            if (!stop.HasIndicator)
            {
                problems.Add($"no visible focus indicator on {stop.Name} ({stop.Style})");
            }

            if (stop.Obscured)
            {
                problems.Add($"focused {stop.Name} is hidden by other content");
            }
        }

        await page.EvaluateAsync("() => document.getElementById('a11y-tab-start')?.remove()");
        var unreached = await page.EvaluateAsync<string[]>(UnreachedControlsScript);
        problems.AddRange(unreached.Select(name => $"{name} cannot be reached with the Tab key"));

        if (stops.Count >= 2)
        {
            await page.Keyboard.PressAsync("Shift+Tab");
            var back = await page.EvaluateAsync<FocusStop>(DescribeFocusScript, forcedColours);
            var expected = stops[^1];
            // After the last stop the browser may have left the page; then Shift+Tab returns to the last stop.
            if (back.Name != expected && back.Name != stops[^2])
            {
                problems.Add($"Shift+Tab went to {back.Name}, expected {stops[^2]} or {expected}");
            }
        }

        Fail(page, forcedColours ? "keyboard and focus (forced colours)" : "keyboard and focus", problems);
    }

    /// <summary>
    /// 2.5.8: every target is at least 24 by 24 CSS pixels, or is a link inside a sentence, or passes the spacing
    /// exception (a 24 px circle on its centre touches no other target and no other undersized target's circle). Controls
    /// in inert content (behind a modal dialog) cannot be pressed, so they are not targets.
    /// </summary>
    public static async Task ShouldHaveTargetsAtLeast24PixelsAsync(this IPage page)
    {
        var problems = await page.EvaluateAsync<string[]>("""
            () => {
                const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], [tabindex]:not([tabindex="-1"])')]
                    .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.visually-hidden, .skip-link, [inert]'); })
                    .map(el => {
                        const r = el.getBoundingClientRect(), s = getComputedStyle(el);
                        const inSentence = s.display === 'inline' && el.parentElement
                            && el.parentElement.textContent.trim().length > el.textContent.trim().length;
                        return { el, r, inSentence, small: r.width < 23.5 || r.height < 23.5, cx: r.left + r.width / 2, cy: r.top + r.height / 2 };
                    });
                const distanceToRect = (x, y, r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
                const name = t => `${t.el.tagName.toLowerCase()} "${(t.el.textContent || t.el.getAttribute('aria-label') || t.el.name || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
                const problems = [];
                for (const t of all.filter(t => t.small && !t.inSentence)) {
                    const crowded = all.find(o => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el)
                        && (o.small ? Math.hypot(o.cx - t.cx, o.cy - t.cy) < 24 : distanceToRect(t.cx, t.cy, o.r) < 12));
                    if (crowded) problems.push(`${name(t)} is ${Math.round(t.r.width)}x${Math.round(t.r.height)}px and too close to ${name(crowded)}`);
                }
                return problems;
            }
            """);
        Fail(page, "target size", problems);
    }

    /// <summary>1.4.12: with WCAG's text spacing applied, no text is cut off and nothing scrolls sideways.</summary>
    public static async Task ShouldKeepAllTextWithWcagTextSpacingAsync(this IPage page)
    {
        var problems = await page.EvaluateAsync<string[]>("""
            async () => {
                const style = document.createElement('style');
                style.id = 'a11y-text-spacing';
                style.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
                document.head.appendChild(style);
                await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                const problems = [];
                const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
                if (overflow > 0) problems.push(`the page scrolls sideways by ${overflow}px`);
                for (const el of document.body.querySelectorAll('*')) {
                    if (!el.textContent.trim() || el.closest('.visually-hidden, .skip-link, script, style, template')) continue;
                    const s = getComputedStyle(el);
                    const clipsX = ['hidden', 'clip'].includes(s.overflowX), clipsY = ['hidden', 'clip'].includes(s.overflowY);
                    if ((clipsX && el.scrollWidth > el.clientWidth + 1) || (clipsY && el.scrollHeight > el.clientHeight + 1)) {
                        problems.push(`text is cut off in ${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${el.textContent.trim().slice(0, 40)}"`);
                    }
                }
                style.remove();
                return problems;
            }
            """);
        Fail(page, "text spacing", problems);
    }

    /// <summary>2.3.3 / prefers-reduced-motion: with reduced motion asked for, nothing animates or transitions.</summary>
    public static async Task ShouldNotAnimateWithReducedMotionAsync(this IPage page)
    {
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = ReducedMotion.Reduce });
        try
        {
            var problems = await page.EvaluateAsync<string[]>("""
                () => {
                    const seconds = v => v.split(',').map(d => d.trim().endsWith('ms') ? parseFloat(d) / 1000 : parseFloat(d));
                    const problems = [];
                    for (const el of document.querySelectorAll('*')) {
                        const s = getComputedStyle(el);
                        const longest = Math.max(...seconds(s.transitionDuration), ...seconds(s.animationName === 'none' ? '0s' : s.animationDuration));
                        if (longest > 0.001) problems.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} still moves for ${longest}s`);
                    }
                    return problems.slice(0, 20);
                }
                """);
            Fail(page, "reduced motion", problems);
        }
        finally
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = ReducedMotion.NoPreference });
        }
    }

    /// <summary>
    /// 2.5.7: nothing needs dragging. The app has no drag and drop, sliders or pannable charts; this fails if one
    /// appears (draggable items, sliders, range inputs, or the grab and move cursors that signal something to drag),
    /// so it is checked for a single-pointer alternative before it ships.
    /// </summary>
    public static async Task ShouldNeedNoDraggingAsync(this IPage page)
    {
        var problems = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('*')]
                .filter(el => el.getAttribute('draggable') === 'true' || el.getAttribute('role') === 'slider'
                    || (el.tagName === 'INPUT' && el.type === 'range') || ['grab', 'grabbing', 'move'].includes(getComputedStyle(el).cursor))
                .map(el => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} can be dragged`)
            """);
        Fail(page, "dragging", problems);
    }

    /// <summary>Windows high contrast: in forced-colours mode every tab stop still shows an outline.</summary>
    public static async Task ShouldShowFocusInForcedColoursAsync(this IPage page)
    {
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ForcedColors = ForcedColors.Active });
        try
        {
            await page.ShouldBeUsableByKeyboardWithVisibleFocusAsync(forcedColours: true);
        }
        finally
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { ForcedColors = ForcedColors.None });
        }
    }

    private static void Fail(IPage page, string check, IReadOnlyCollection<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(string.Create(CultureInfo.InvariantCulture,
                $"{check} failed on {page.Url} at {page.ViewportSize?.Width}px:\n- {string.Join("\n- ", problems)}"));
        }
    }

    private const string DescribeFocusScript = """
        forced => {
            const el = document.activeElement;
            if (!el || el === document.body || el === document.documentElement) return { kind: 'none', name: 'body' };
            const name = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent || el.getAttribute('aria-label') || el.name || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
            const alreadyVisited = el.hasAttribute('data-a11y-stop');
            // A date input takes several Tab presses (day, month, year): the same element again is not a cycle.
            const sameAsLast = window.__a11yLastStop === el;
            window.__a11yLastStop = el;
            el.setAttribute('data-a11y-stop', '');
            const s = getComputedStyle(el);
            const width = parseFloat(s.outlineWidth) || 0;
            const transparent = c => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
            const outline = s.outlineStyle !== 'none' && width >= 2 && (forced || !transparent(s.outlineColor));
            const shadow = !forced && s.boxShadow !== 'none';
            const r = el.getBoundingClientRect();
            let obscured = r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth;
            if (!obscured && r.width > 0 && r.height > 0) {
                // Hidden means every sample point is covered by something that is not the element or its label.
                const points = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.9], [0.1, 0.9], [0.9, 0.1]]
                    .map(([x, y]) => [r.left + r.width * x, r.top + r.height * y])
                    .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
                obscured = points.length > 0 && points.every(([x, y]) => {
                    const top = document.elementFromPoint(x, y);
                    return top && !(el.contains(top) || top.contains(el) || (el.labels && [...el.labels].some(l => l.contains(top))));
                });
            }
            return {
                kind: 'element', name, alreadyVisited, sameAsLast, hasIndicator: outline || shadow, obscured,
                style: `outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}; box-shadow ${s.boxShadow}`,
            };
        }
        """;

    private const string UnreachedControlsScript = """
        () => [...document.querySelectorAll('a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])')]
            .filter(el => {
                const r = el.getBoundingClientRect(), s = getComputedStyle(el);
                return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !el.closest('[inert], [aria-hidden=true]');
            })
            .filter(el => !el.hasAttribute('data-a11y-stop'))
            // A group of radio buttons is one tab stop: count it reached when any of the group was.
            .filter(el => !(el.type === 'radio' && document.querySelector(`input[type=radio][name="${el.name}"][data-a11y-stop]`)))
            .map(el => `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || el.name || '').trim().slice(0, 40)}"`)
        """;

    private sealed class FocusStop
    {
        public string Kind { get; set; } = "";
        public string Name { get; set; } = "";
        public bool AlreadyVisited { get; set; }
        public bool SameAsLast { get; set; }
        public bool HasIndicator { get; set; }
        public bool Obscured { get; set; }
        public string Style { get; set; } = "";
    }
}
