using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HousingSelfService.Benchmarks.Infrastructure;

namespace HousingSelfService.Benchmarks;

/// <summary>
/// Figure 2: Lighthouse 12 (mobile preset: simulated slow 4G and a 4x slower CPU) on each page, signed-in pages with
/// the resident's cookie as an extra header. Several runs per page; the run with the median performance score is kept.
/// </summary>
internal static class LighthouseAudit
{
    public static async Task RunAsync(Harness harness)
    {
        var cli = await EnsureInstalledAsync(harness);
        await using var app = await harness.StartWebAppAsync();
        var resident = await SignedInResident.SignInAsync(app.Address);
        var pages = await Pages.ResolveAsync(app.Address, resident);

        var rows = new List<LighthouseRow>();
        foreach (var page in pages.Where(p => harness.Options.Selects(p.Spec)))
        {
            if (!page.Available)
            {
                rows.Add(new LighthouseRow(page.Spec.Name, page.Path, page.Missing, null, null, null, null, null, null, []));
                continue;
            }

            var runs = new List<LighthouseRun>();
            for (var run = 0; run < harness.Options.LighthouseRuns; run++)
            {
                runs.Add(await RunOnceAsync(harness, cli, new Uri(app.Address, page.Path), page.Spec.SignedIn ? resident : null));
            }

            var median = runs.OrderBy(r => r.Performance).ElementAt(runs.Count / 2);
            rows.Add(new LighthouseRow(page.Spec.Name, page.Path, null, median.Performance, median.Accessibility, median.BestPractices,
                median.LargestContentfulPaintMs, median.CumulativeLayoutShift, median.TotalByteWeight, [.. runs.Select(r => r.Performance)]));
        }

        Table.Print($"Lighthouse 12, mobile preset (median of {harness.Options.LighthouseRuns} run(s) by performance score)",
            ["Page", "Performance", "Accessibility", "Best practices", "LCP", "CLS", "Transfer"],
            rows.Select(r => r.Missing is { } why
                ? [r.Page, why, "", "", "", "", ""]
                : new[]
                {
                    r.Page, Score(r.Performance), Score(r.Accessibility), Score(r.BestPractices),
                    (r.LargestContentfulPaintMs!.Value / 1000).ToString("0.00 s", CultureInfo.InvariantCulture),
                    r.CumulativeLayoutShift!.Value.ToString("0.000", CultureInfo.InvariantCulture), Table.Kb(r.TotalByteWeight!.Value),
                }));
        harness.Results.Record("lighthouse", new
        {
            lighthouse = "12.8.2, mobile preset (simulated throttling: 150 ms RTT, 1.6 Mbps, CPU x4)",
            chromeFlags = Chromium.SafeFlags,
            targets = new { performance = 95, accessibility = 100, bestPractices = 95, lcpSeconds = 2.5, cls = 0.1 },
            pages = rows,
        });
    }

    private static string Score(int? score) => score?.ToString(CultureInfo.InvariantCulture) ?? "-";

    /// <summary>Lighthouse comes from this folder's package-lock.json (npm ci), so every run uses the same version.</summary>
    private static async Task<string> EnsureInstalledAsync(Harness harness)
    {
        var folder = Path.Combine(harness.BenchmarksFolder, "lighthouse");
        var cli = Path.Combine(folder, "node_modules", "lighthouse", "cli", "index.js");
        if (!File.Exists(cli))
        {
            Console.WriteLine("Installing Lighthouse (npm ci)…");
            await Build.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder);
        }

        return cli;
    }

    private static async Task<LighthouseRun> RunOnceAsync(Harness harness, string cli, Uri url, SignedInResident? resident)
    {
        var report = Path.Combine(harness.Scratch, $"lighthouse-{Guid.NewGuid():N}.json");
        List<string> arguments =
        [
            cli, url.ToString(), "--quiet", "--output=json", $"--output-path={report}",
            "--only-categories=performance,accessibility,best-practices", "--disable-full-page-screenshot",
            $"--chrome-flags={string.Join(' ', Chromium.SafeFlags)}",
        ];
        if (resident is not null)
        {
            arguments.Add($"--extra-headers={JsonSerializer.Serialize(new Dictionary<string, string> { ["Cookie"] = resident.CookieHeader })}");
        }

        await Build.RunAsync("node", arguments, harness.Scratch, new Dictionary<string, string> { ["CHROME_PATH"] = Chromium.ExecutablePath },
            TimeSpan.FromMinutes(3));
        var json = JsonNode.Parse(await File.ReadAllTextAsync(report))!;
        File.Delete(report);
        if (json["runtimeError"]?["message"] is { } error)
        {
            throw new InvalidOperationException($"Lighthouse failed on {url}: {error}");
        }

        // A signed-in page whose cookie was not sent would be audited as the sign-in page it redirects to.
        if (json["mainDocumentUrl"]?.GetValue<string>() is { } audited && new Uri(audited).AbsolutePath != url.AbsolutePath)
        {
            throw new InvalidOperationException($"Lighthouse was redirected from {url} to {audited}.");
        }

        int CategoryScore(string name) => (int)Math.Round((json["categories"]![name]!["score"]?.GetValue<double>() ?? 0) * 100);
        double Audit(string name) => json["audits"]![name]!["numericValue"]?.GetValue<double>() ?? double.NaN;
        return new LighthouseRun(CategoryScore("performance"), CategoryScore("accessibility"), CategoryScore("best-practices"),
            Audit("largest-contentful-paint"), Audit("cumulative-layout-shift"), (long)Audit("total-byte-weight"));
    }

    private sealed record LighthouseRun(int Performance, int Accessibility, int BestPractices, double LargestContentfulPaintMs,
        double CumulativeLayoutShift, long TotalByteWeight);

    private sealed record LighthouseRow(string Page, string Path, string? Missing, int? Performance, int? Accessibility, int? BestPractices,
        double? LargestContentfulPaintMs, double? CumulativeLayoutShift, long? TotalByteWeight, int[] PerformanceRuns);
}
