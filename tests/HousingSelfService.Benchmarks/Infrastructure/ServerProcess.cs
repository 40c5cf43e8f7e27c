using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace HousingSelfService.Benchmarks.Infrastructure;

/// <summary>Server memory as the probe reads it inside the server process.</summary>
internal sealed record ServerMemory(long ManagedHeapBytes, long WorkingSetBytes, long ActiveCircuits);

/// <summary>
/// A published app running in its own process on a loopback port (Production environment, warnings-only logging),
/// with the benchmark probe loaded as a startup hook. The benchmark itself is the second process that loads it.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Process _process;
    private readonly int _probePort;

    private ServerProcess(string name, Process process, Uri address, int probePort)
    {
        Name = name;
        _process = process;
        Address = address;
        _probePort = probePort;
    }

    public string Name { get; }

    public Uri Address { get; }

    public static async Task<ServerProcess> StartAsync(string name, string dll, IDictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/");
        var probePort = FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", address.ToString().TrimEnd('/')])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
                ["DOTNET_STARTUP_HOOKS"] = Path.Combine(AppContext.BaseDirectory, "HousingSelfService.Benchmarks.ServerProbe.dll"),
                ["HOUSING_BENCHMARK_PROBE_PORT"] = probePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        foreach (var (key, value) in environment)
        {
            // "{url}" lets a server that takes its address from configuration (the reference API) listen where we expect.
            start.Environment[key] = value.Replace("{url}", address.ToString().TrimEnd('/'), StringComparison.Ordinal);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                Console.Error.WriteLine($"  [{name}] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(name, process, address, probePort);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>Forces a full compacting GC in the server and reads its heap, working set and active circuits.</summary>
    public async Task<ServerMemory> MemoryAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var json = await http.GetStringAsync(new Uri($"http://127.0.0.1:{_probePort}/memory"));
        return JsonSerializer.Deserialize<ServerMemory>(json, Json)!;
    }

    private async Task WaitUntilListeningAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited during start-up ({_process.ExitCode}).");
            }

            try
            {
                using var response = await http.GetAsync(Address);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
            catch (TaskCanceledException)
            {
                await Task.Delay(250);
            }
        }

        throw new TimeoutException($"{Name} did not start listening within two minutes.");
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
