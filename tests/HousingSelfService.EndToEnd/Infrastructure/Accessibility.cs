using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HousingSelfService.EndToEnd.Infrastructure;

public static class Accessibility
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>Runs axe-core with every WCAG 2.x A/AA rule and fails on any violation, of any impact.</summary>
    public static async Task ShouldHaveNoAccessibilityViolationsAsync(this IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });
        if (results.Violations.Length == 0)
        {
            return;
        }

        var report = new StringBuilder($"axe-core found {results.Violations.Length} violation(s) on {page.Url}:\n");
        foreach (var violation in results.Violations)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- [{violation.Impact}] {violation.Id}: {violation.Help}");
            foreach (var node in violation.Nodes.Take(5))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target}: {node.Html}");
            }
        }

        throw new Xunit.Sdk.XunitException(report.ToString());
    }

    /// <summary>WCAG 1.4.10: nothing scrolls sideways at this width.</summary>
    public static async Task ShouldNotScrollHorizontallyAsync(this IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            throw new Xunit.Sdk.XunitException($"{page.Url} scrolls horizontally by {overflow}px at {page.ViewportSize?.Width}px wide.");
        }
    }
}
