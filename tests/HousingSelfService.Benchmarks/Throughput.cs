using System.Diagnostics;
using System.Net;
using HousingSelfService.Benchmarks.Infrastructure;

namespace HousingSelfService.Benchmarks;

/// <summary>
/// Figure 3: prerendered pages under closed-loop load from this (second) process on loopback: each of C clients sends
/// the next GET as soon as the last response body has arrived. Measured side by side with a bare `dotnet new blazor`
/// app's home page, built and run in the same run, on the same machine.
/// </summary>
internal static class Throughput
{
    public static async Task RunAsync(Harness harness)
    {
        var duration = harness.Pick(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15));
        // The app has far more code to JIT than the template; a short warm-up measured its tier-0 code, not its steady state.
        var warmUp = harness.Pick(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(15));
        int[] concurrency = [16, 64];
        var rows = new List<LoadResult>();

        // Both servers run side by side and their rows alternate, so a burst of other work on the shared box lands
        // on both rather than on one of them.
        await using var bare = await ServerProcess.StartAsync("bare blazor",
            Path.Combine(await harness.BareBlazorAsync(), "BareBlazor.dll"), new Dictionary<string, string>());
        await using var app = await harness.StartWebAppAsync();
        var resident = await SignedInResident.SignInAsync(app.Address);
        // The same app against the reference API in its own process, as against a council's platform: separates the
        // app's own cost from the embedded API's, which otherwise shares the app's process and thread pool.
        await using var councilApi = await harness.StartCouncilApiAsync(TimeSpan.Zero);
        await using var appWithApiApart = await harness.StartWebAppAsync(councilApi);
        var residentApart = await SignedInResident.SignInAsync(appWithApiApart.Address);
        foreach (var clients in concurrency)
        {
            rows.Add(await LoadAsync("Bare `dotnet new blazor` home", bare.Address, null, clients, warmUp, duration));
            rows.Add(await LoadAsync(Pages.AnonymousHome.Name, new Uri(app.Address, Pages.AnonymousHome.Path), null, clients, warmUp, duration));
            rows.Add(await LoadAsync("Dashboard (signed in)", app.Address, resident.CookieHeader, clients, warmUp, duration));
            rows.Add(await LoadAsync("Dashboard (signed in, API in own process)", appWithApiApart.Address, residentApart.CookieHeader, clients, warmUp, duration));
        }

        var ratios = rows.Where(r => !r.Target.StartsWith("Bare", StringComparison.Ordinal)).Select(r =>
        {
            var template = rows.Single(b => b.Target.StartsWith("Bare", StringComparison.Ordinal) && b.Clients == r.Clients);
            return new { r.Target, r.Clients, ThroughputVsBare = r.RequestsPerSecond / template.RequestsPerSecond, P50VsBare = r.P50Ms / template.P50Ms };
        }).ToList();

        Table.Print($"Prerendered pages under load ({duration.TotalSeconds:0} s per row after {warmUp.TotalSeconds:0} s warm-up; loopback, same 2-core box)",
            ["Page", "Clients", "Requests", "Errors", "Req/s", "p50", "p95", "p99", "Req/s vs bare"],
            rows.Select(r => new[]
            {
                r.Target, Table.N(r.Clients), Table.N(r.Requests),
                Table.N(r.Errors), Table.N(r.RequestsPerSecond), Table.Ms(r.P50Ms), Table.Ms(r.P95Ms), Table.Ms(r.P99Ms),
                ratios.FirstOrDefault(x => x.Target == r.Target && x.Clients == r.Clients) is { } ratio ? Table.N(ratio.ThroughputVsBare, "0.00") : "1.00",
            }));
        harness.Results.Record("throughput", new { durationSeconds = duration.TotalSeconds, warmUpSeconds = warmUp.TotalSeconds, rows, ratios });
    }

    private static async Task<LoadResult> LoadAsync(string target, Uri url, string? cookie, int clients, TimeSpan warmUp, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        await RunClientsAsync(http, url, cookie, clients, warmUp);
        var (latencies, errors, elapsed) = await RunClientsAsync(http, url, cookie, clients, duration);
        var result = new LoadResult(target, clients, latencies.Count, errors, latencies.Count / elapsed.TotalSeconds,
            Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 95), Stats.Percentile(latencies, 99));
        Console.WriteLine($"  {target} x{clients}: {result.RequestsPerSecond:0} req/s, p50 {result.P50Ms:0.0} ms, {errors} errors");
        return result;
    }

    private static async Task<(List<double> Latencies, int Errors, TimeSpan Elapsed)> RunClientsAsync(
        HttpClient http, Uri url, string? cookie, int clients, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var errors = 0;
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var latencies = new List<double>();
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (cookie is not null)
                {
                    request.Headers.Add("Cookie", cookie);
                }

                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        latencies.Add((clock.Elapsed - started).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }

            return latencies;
        }));
        return ([.. perClient.SelectMany(l => l)], errors, clock.Elapsed);
    }

    private sealed record LoadResult(string Target, int Clients, int Requests, int Errors, double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms);
}
