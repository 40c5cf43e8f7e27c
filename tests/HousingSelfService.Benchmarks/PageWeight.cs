using HousingSelfService.Benchmarks.Infrastructure;
using Microsoft.Playwright;

namespace HousingSelfService.Benchmarks;

/// <summary>
/// Figure 1: bytes on the wire for a first visit (empty cache: HTML, every CSS/JS/font/image, the Blazor WebSocket's
/// first messages) and for a later in-app navigation (warm cache, from another page of the app), per page; and every
/// static asset served without compression or without a fingerprint. The budget is held against the bytes the server
/// sent the browser as counted on the wire by a relay (as Lighthouse counts transfer size, and with the WebSocket's
/// permessage-deflate applied); Playwright's per-request figures are printed beside them as the breakdown.
/// </summary>
internal static class PageWeight
{
    private const long FirstVisitBudget = 200 * 1024;
    private const long NavigationBudget = 30 * 1024;

    public static async Task RunAsync(Harness harness)
    {
        await using var app = await harness.StartWebAppAsync();
        var resident = await SignedInResident.SignInAsync(app.Address);
        var pages = await Pages.ResolveAsync(app.Address, resident);
        await using var chromium = await Chromium.LaunchAsync();
        await using var wire = new WireCounter(app.Address);

        var rows = new List<PageWeightRow>();
        var assets = new Dictionary<string, AssetDelivery>();
        string? acceptEncoding = null;
        foreach (var page in pages)
        {
            if (!page.Available)
            {
                rows.Add(new PageWeightRow(page.Spec.Name, page.Path, page.Missing, null, null));
                continue;
            }

            var (first, sent) = await FirstVisitAsync(chromium, wire, page, resident);
            acceptEncoding ??= sent;
            foreach (var asset in first.Assets)
            {
                assets.TryAdd(asset.Url, asset);
            }

            var origin = OriginFor(page, pages);
            var later = origin is null ? null : await NavigationAsync(chromium, wire, origin, page, resident);
            rows.Add(new PageWeightRow(page.Spec.Name, page.Path, null, Summary.Of(first, FirstVisitBudget),
                later is null ? null : Summary.Of(later, NavigationBudget) with { From = origin!.Path }));
        }

        var problems = assets.Values
            .Where(a => (a.ShouldBeCompressed && !a.Compressed) || !a.Fingerprinted)
            .Select(a => new AssetProblem(a.Url, a.ShouldBeCompressed && !a.Compressed, !a.Fingerprinted, a.ContentEncoding, a.CacheControl))
            .OrderBy(p => p.Url, StringComparer.Ordinal)
            .ToList();

        Table.Print("Page weight (first visit: empty cache; later: in-app navigation with a warm cache)",
            ["Page", "First: on the wire", "≤ 200 KB", "(HTTP", "WebSocket inflated)", "Later: on the wire", "≤ 30 KB", "(HTTP", "WebSocket inflated)"],
            rows.Select(r => r.Missing is { } why
                ? [r.Page, why, "", "", "", "", "", "", ""]
                : new[]
                {
                    r.Page, Table.Kb(r.First!.WireBytes), r.First.WithinBudget ? "yes" : "NO", Table.Kb(r.First.HttpBytes), Table.Kb(r.First.WebSocketBytes),
                    r.Later is null ? "n/a" : Table.Kb(r.Later.WireBytes), r.Later is null ? "" : r.Later.WithinBudget ? "yes" : "NO",
                    r.Later is null ? "" : Table.Kb(r.Later.HttpBytes), r.Later is null ? "" : Table.Kb(r.Later.WebSocketBytes),
                }));
        Table.Print($"Static assets served without compression or fingerprint (browser sent Accept-Encoding: {acceptEncoding})",
            ["Asset", "Uncompressed", "Not fingerprinted", "Content-Encoding", "Cache-Control"],
            problems.Select(p => new[] { p.Url, p.Uncompressed ? "YES" : "no", p.NotFingerprinted ? "YES" : "no", p.ContentEncoding ?? "-", p.CacheControl ?? "-" }));

        harness.Results.Record("pageWeight", new
        {
            budgets = new { firstVisitBytes = FirstVisitBudget, laterNavigationBytes = NavigationBudget },
            browserAcceptEncoding = acceptEncoding,
            note = "wireBytes (the budgeted figure) = every byte the server sent the browser, counted by a TCP relay: headers, compressed bodies, WebSocket frames as compressed. httpBytes = Playwright's response headers + encoded bodies; webSocketBytes = Blazor frame payloads both ways after permessage-deflate is undone; wireBytesToServer = what the browser sent (cookies, WebSocket).",
            pages = rows,
            assetProblems = problems,
            assets = assets.Values.OrderBy(a => a.Url, StringComparer.Ordinal),
        });
    }

    /// <summary>Later navigation starts on the dashboard (or, for the dashboard, on another signed-in page).</summary>
    private static ResolvedPage? OriginFor(ResolvedPage page, IReadOnlyList<ResolvedPage> pages) =>
        !page.Spec.SignedIn ? null : pages.FirstOrDefault(p => p.Available && p.Spec.SignedIn && p.Path != page.Path && (p.Path == "/" || page.Path == "/"));

    private static async Task<(Traffic Traffic, string? AcceptEncoding)> FirstVisitAsync(Chromium chromium, WireCounter wire, ResolvedPage page, SignedInResident resident)
    {
        await using var context = await chromium.NewPhoneContextAsync(wire.Address, page.Spec.SignedIn ? resident : null);
        var tab = await context.NewPageAsync();
        var meter = new TrafficMeter(tab, wire);
        var response = await tab.GotoAsync(page.Path) ?? throw new InvalidOperationException($"No response for {page.Path}.");
        await meter.SettleAsync(tab);
        var sent = await response.Request.AllHeadersAsync();
        return (await meter.ReadAsync(), sent.GetValueOrDefault("accept-encoding"));
    }

    private static async Task<Traffic> NavigationAsync(Chromium chromium, WireCounter wire, ResolvedPage origin, ResolvedPage page, SignedInResident resident)
    {
        await using var context = await chromium.NewPhoneContextAsync(wire.Address, resident);
        var tab = await context.NewPageAsync();
        var meter = new TrafficMeter(tab, wire);
        await tab.GotoAsync(origin.Path);
        await meter.SettleAsync(tab);
        meter.Reset();
        // What a click on an in-app link does: Blazor's router renders the next page over the circuit.
        await tab.EvaluateAsync("path => Blazor.navigateTo(path)", page.Path);
        await tab.WaitForURLAsync(new Uri(wire.Address, page.Path).ToString());
        await meter.SettleAsync(tab);
        return await meter.ReadAsync();
    }

    private sealed record PageWeightRow(string Page, string Path, string? Missing, Summary? First, Summary? Later);

    private sealed record Summary(long WireBytes, long WireBytesToServer, long HttpBytes, int Requests, long WebSocketBytes, int WebSocketFrames, bool WithinBudget, string? From = null)
    {
        public static Summary Of(Traffic traffic, long budget) =>
            new(traffic.WireBytes, traffic.WireBytesToServer, traffic.HttpBytes, traffic.Requests, traffic.WebSocketBytes, traffic.WebSocketFrames, traffic.WireBytes <= budget);
    }

    private sealed record AssetProblem(string Url, bool Uncompressed, bool NotFingerprinted, string? ContentEncoding, string? CacheControl);
}
