using System.Diagnostics;
using HousingSelfService.Benchmarks.Infrastructure;

namespace HousingSelfService.Benchmarks;

/// <summary>
/// Figure 5: the council API fan-out. The reference council API runs as its own process with 0 ms and then 50 ms
/// injected into every call; the app points at it as a council's would. The signed-in dashboard (4 API calls: person,
/// tenure, finance, repairs) is timed end to end, one request at a time, next to one API call's round trip.
/// In parallel the dashboard pays about one call's latency; in series it would pay four.
/// </summary>
internal static class FanOut
{
    private const int CallsPerDashboard = 4;

    public static async Task RunAsync(Harness harness)
    {
        var samples = harness.Pick(5, 30);
        var rows = new List<FanOutRow>();
        foreach (var latency in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(50) })
        {
            await using var api = await harness.StartCouncilApiAsync(latency);
            await using var app = await harness.StartWebAppAsync(api);
            var resident = await SignedInResident.SignInAsync(app.Address);

            using var apiClient = new HttpClient { BaseAddress = api.Address };
            using var appClient = resident.NewHttpClient(app.Address);
            // The API's health check passes through the same latency middleware as every /api call.
            var oneCall = await TimeAsync(apiClient, "/api/v1/healthcheck/ping", samples);
            var dashboard = await TimeAsync(appClient, "/", samples, everySectionLoaded: true);
            rows.Add(new FanOutRow(latency.TotalMilliseconds, oneCall, dashboard));
            Console.WriteLine($"  +{latency.TotalMilliseconds:0} ms: one call {oneCall:0.0} ms, dashboard {dashboard:0.0} ms");
        }

        var fast = rows[0];
        var slow = rows[1];
        var addedByLatency = slow.DashboardMedianMs - fast.DashboardMedianMs;
        var oneCallLatency = slow.OneCallMedianMs - fast.OneCallMedianMs;
        Table.Print($"Council API fan-out (signed-in dashboard, {CallsPerDashboard} API calls; medians of {samples} sequential requests)",
            ["Injected latency", "One API call", "Dashboard"],
            rows.Select(r => new[] { $"{r.InjectedLatencyMs:0} ms", Table.Ms(r.OneCallMedianMs), Table.Ms(r.DashboardMedianMs) }));
        Console.WriteLine($"Latency added to the dashboard: {addedByLatency:0.0} ms = {addedByLatency / oneCallLatency:0.00} x one call's added latency " +
            $"({CallsPerDashboard} x = {CallsPerDashboard * oneCallLatency:0} ms if the calls ran one after another).");
        harness.Results.Record("fanOut", new
        {
            callsPerDashboard = CallsPerDashboard,
            samples,
            rows,
            dashboardAddedMs = addedByLatency,
            oneCallAddedMs = oneCallLatency,
            dashboardAddedInCalls = addedByLatency / oneCallLatency,
            serialWouldAddMs = CallsPerDashboard * oneCallLatency,
        });
    }

    private static async Task<double> TimeAsync(HttpClient http, string path, int samples, bool everySectionLoaded = false)
    {
        var times = new List<double>();
        for (var i = 0; i < samples + 3; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            clock.Stop();
            response.EnsureSuccessStatusCode();
            // A section the API failed to fill renders data-testid="unavailable"; timing a failure would flatter the app.
            if (everySectionLoaded && (body.Contains("data-testid=\"unavailable\"", StringComparison.Ordinal) || !body.Contains("Hello, ", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"{path} did not load every section of the dashboard.");
            }

            if (i >= 3)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return Stats.Median(times);
    }

    private sealed record FanOutRow(double InjectedLatencyMs, double OneCallMedianMs, double DashboardMedianMs);
}
