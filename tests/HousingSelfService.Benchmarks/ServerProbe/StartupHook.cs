using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text;

/// <summary>
/// Loaded into the server under test through <c>DOTNET_STARTUP_HOOKS</c> by the benchmarks only. When
/// <c>HOUSING_BENCHMARK_PROBE_PORT</c> is set it serves <c>GET /memory</c> on that loopback port: the managed heap after
/// a forced, compacting full GC, the working set, and the active Blazor circuits (from the framework's own meter), so
/// memory is read from inside the server process rather than guessed from outside.
/// </summary>
internal static class StartupHook
{
    private const string CircuitMeter = "Microsoft.AspNetCore.Components.Server.Circuits";
    private const string ActiveCircuits = "aspnetcore.components.circuit.active";
    private static long s_activeCircuits;

    public static void Initialize()
    {
        var port = Environment.GetEnvironmentVariable("HOUSING_BENCHMARK_PROBE_PORT");
        if (string.IsNullOrEmpty(port))
        {
            return;
        }

        var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == CircuitMeter && instrument.Name == ActiveCircuits)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref s_activeCircuits, value));
        meters.Start();

        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        new Thread(() => Serve(listener)) { IsBackground = true, Name = "benchmark-probe" }.Start();
    }

    private static void Serve(HttpListener listener)
    {
        while (listener.IsListening)
        {
            var context = listener.GetContext();
            var body = context.Request.Url?.AbsolutePath == "/memory" ? Encoding.UTF8.GetBytes(MemoryJson()) : [];
            context.Response.StatusCode = body.Length > 0 ? 200 : 404;
            context.Response.ContentType = "application/json";
            context.Response.OutputStream.Write(body);
            context.Response.Close();
        }
    }

    private static string MemoryJson()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        using var process = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture,
            $$"""{"managedHeapBytes":{{heap}},"workingSetBytes":{{process.WorkingSet64}},"activeCircuits":{{Interlocked.Read(ref s_activeCircuits)}}}""");
    }
}
