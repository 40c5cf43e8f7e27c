using System.Diagnostics;
using HousingSelfService.Benchmarks.Infrastructure;
using Microsoft.Playwright;

namespace HousingSelfService.Benchmarks;

/// <summary>
/// Figure 4: server memory per interactive circuit. Headless Chromium tabs (one circuit each) open the signed-in
/// dashboard, in steps up to N; after each step the probe inside the server forces a full GC and reads the managed
/// heap and working set. The bare `dotnet new blazor` template's interactive page is measured the same way first, as the
/// framework's own cost per circuit on the same machine. At the largest N every tab clicks its open repair once, one tab at a time, and the browser
/// times click → DOM update (the new page's heading arriving over the circuit).
/// </summary>
internal static class CircuitMemory
{
    private const string ClickAndWaitForHeading = """
        () => new Promise((resolve, reject) => {
            const heading = () => document.querySelector('h1')?.textContent ?? '';
            const before = heading();
            const link = document.querySelector('a[href^="repairs/"]');
            if (!link) { reject(new Error('The dashboard has no repair link.')); return; }
            const observer = new MutationObserver(() => {
                if (heading() !== before) { observer.disconnect(); resolve(performance.now() - started); }
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            const started = performance.now();
            link.click();
            setTimeout(() => { observer.disconnect(); reject(new Error('No DOM update within 10 s.')); }, 10000);
        })
        """;

    public static async Task RunAsync(Harness harness)
    {
        int[] steps = harness.Options.Circuits.Count > 0 ? [.. harness.Options.Circuits] : harness.Pick<int[]>([2, 4], [25, 50, 100]);
        await using var chromium = await Chromium.LaunchAsync();

        // The baseline in the same run: the bare `dotnet new blazor` template's interactive page (its home page is
        // static), so the framework's own cost per circuit on this machine sits beside the app's.
        List<MemoryRow> bareRows;
        ServerMemory bareBaseline;
        {
            await using var bare = await ServerProcess.StartAsync("bare blazor",
                Path.Combine(await harness.BareBlazorAsync(), "BareBlazor.dll"), new Dictionary<string, string>());
            await using var bareContext = await chromium.NewPhoneContextAsync(bare.Address, null);
            var bareTabs = new List<IPage>();
            (bareBaseline, bareRows) = await MeasureAsync("bare template /counter", bare, () => OpenCircuitAsync(bareContext, "counter"), bareTabs, steps);
        }

        await using var app = await harness.StartWebAppAsync();
        var resident = await SignedInResident.SignInAsync(app.Address);
        await using var context = await chromium.NewPhoneContextAsync(app.Address, resident);
        var tabs = new List<IPage>();
        var opening = Stopwatch.StartNew();
        var (baseline, rows) = await MeasureAsync("dashboard", app, () => OpenCircuitAsync(context, ""), tabs, steps);
        opening.Stop();

        var latencies = new List<double>();
        var failures = 0;
        foreach (var tab in tabs.Skip(1))
        {
            try
            {
                latencies.Add(await tab.EvaluateAsync<double>(ClickAndWaitForHeading));
            }
            catch (PlaywrightException)
            {
                failures++;
            }
        }

        static string[] Cells(string page, MemoryRow r) =>
        [
            page, Table.N(r.Circuits), Table.N(r.ServerCountedCircuits),
            Table.Kb(r.ManagedHeapBytes), Table.Kb(r.WorkingSetBytes), Table.Kb(r.HeapPerCircuitBytes), Table.Kb(r.WorkingSetPerCircuitBytes),
            Table.Kb(r.MarginalHeapPerCircuitBytes), Table.Kb(r.MarginalWorkingSetPerCircuitBytes),
        ];
        Table.Print("Memory per interactive circuit (growth over a 1-circuit baseline, after a forced full GC)",
            ["Page", "Circuits (N)", "Server counted", "Heap", "Working set", "Heap/circuit", "WS/circuit", "Heap/circuit (marginal)", "WS/circuit (marginal)"],
            [.. rows.Select(r => Cells("Signed-in dashboard", r)), .. bareRows.Select(r => Cells("Bare template /counter", r))]);
        var ratio = (double)rows[^1].HeapPerCircuitBytes / bareRows[^1].HeapPerCircuitBytes;
        Console.WriteLine($"  Heap per circuit at N = {steps[^1]}: dashboard / bare template = {ratio:0.00}");
        var p50 = Stats.Percentile(latencies, 50);
        var p95 = Stats.Percentile(latencies, 95);
        Table.Print($"Click → DOM update at N = {steps[^1]} (one tab at a time; dashboard → repair detail heading)",
            ["Clicks", "Failed", "p50", "p95", "max"],
            [[Table.N(latencies.Count), Table.N(failures),
              Table.Ms(p50), Table.Ms(p95), Table.Ms(latencies.Count == 0 ? double.NaN : latencies.Max())]]);
        harness.Results.Record("circuitMemory", new
        {
            page = "/ (signed-in dashboard)",
            targetHeapPerCircuitBytes = 250 * 1024,
            targetClickP95Ms = 100,
            baseline,
            rows,
            bareTemplate = new { page = "/counter", baseline = bareBaseline, rows = bareRows },
            heapPerCircuitVsBareTemplate = ratio,
            click = new { circuits = steps[^1], samples = latencies.Count, failures, p50Ms = p50, p95Ms = p95, allMs = latencies },
            secondsToOpenAllTabs = opening.Elapsed.TotalSeconds,
        });
    }

    /// <summary>
    /// Opens one circuit first, so JIT, caches and first-circuit costs are in the baseline rather than shared by N; then
    /// opens tabs in steps up to each N and reads the server's memory after each step.
    /// </summary>
    private static async Task<(ServerMemory Baseline, List<MemoryRow> Rows)> MeasureAsync(string what, ServerProcess server,
        Func<Task<IPage>> openCircuit, List<IPage> tabs, int[] steps)
    {
        tabs.Add(await openCircuit());
        await Task.Delay(TimeSpan.FromSeconds(2));
        var baseline = await server.MemoryAsync();
        Console.WriteLine($"  {what} baseline (1 circuit): heap {Table.Kb(baseline.ManagedHeapBytes)}, working set {Table.Kb(baseline.WorkingSetBytes)}");

        var rows = new List<MemoryRow>();
        foreach (var n in steps)
        {
            while (tabs.Count - 1 < n)
            {
                tabs.Add(await openCircuit());
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            var memory = await server.MemoryAsync();
            var previous = rows.Count == 0 ? new MemoryRow(0, baseline.ManagedHeapBytes, baseline.WorkingSetBytes, 0, 0, 0, 0, 0) : rows[^1];
            var added = n - previous.Circuits;
            rows.Add(new MemoryRow(n, memory.ManagedHeapBytes, memory.WorkingSetBytes, memory.ActiveCircuits - baseline.ActiveCircuits,
                (memory.ManagedHeapBytes - baseline.ManagedHeapBytes) / n, (memory.WorkingSetBytes - baseline.WorkingSetBytes) / n,
                (memory.ManagedHeapBytes - previous.ManagedHeapBytes) / added, (memory.WorkingSetBytes - previous.WorkingSetBytes) / added));
            Console.WriteLine($"  {what} N={n}: {rows[^1].ServerCountedCircuits} circuits counted by the server, heap +{Table.Kb(rows[^1].HeapPerCircuitBytes)}/circuit");
        }

        return (baseline, rows);
    }

    /// <summary>Opens a page in a new tab and waits until its circuit has rendered (a render batch arrived).</summary>
    private static async Task<IPage> OpenCircuitAsync(IBrowserContext context, string path)
    {
        var tab = await context.NewPageAsync();
        var meter = new TrafficMeter(tab);
        await tab.GotoAsync("/" + path);
        await tab.WaitForFunctionAsync("() => window.Blazor !== undefined");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (meter.FramesSoFar < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await meter.SettleAsync(tab);
        return tab;
    }

    private sealed record MemoryRow(int Circuits, long ManagedHeapBytes, long WorkingSetBytes, long ServerCountedCircuits,
        long HeapPerCircuitBytes, long WorkingSetPerCircuitBytes, long MarginalHeapPerCircuitBytes, long MarginalWorkingSetPerCircuitBytes);
}
