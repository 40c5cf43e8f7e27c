namespace HousingSelfService.ScaleOutTests.Infrastructure;

/// <summary>One web instance: the app's build output run with <c>dotnet</c>, on its own loopback port.</summary>
public sealed class WebInstance : IAsyncDisposable
{
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _logPath;
    private ServerProcess? _process;

    internal WebInstance(string name, string dll, IReadOnlyDictionary<string, string> settings, string logFolder)
    {
        Name = name;
        _dll = dll;
        var port = ServerProcess.FreePort();
        Address = new Uri($"http://127.0.0.1:{port}/");
        _environment = new Dictionary<string, string>(settings) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" };
        _logPath = Path.Combine(logFolder, $"{name}.log");
    }

    public string Name { get; }

    /// <summary>The instance's own address, bypassing the proxy.</summary>
    public Uri Address { get; }

    /// <summary>The <c>host:port</c> nginx knows it by (its <c>$upstream_addr</c>).</summary>
    public string Upstream => $"{Address.Host}:{Address.Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the instance and waits until <paramref name="healthPath"/> answers 200.</summary>
    public async Task StartAsync(string healthPath = "health/ready")
    {
        if (IsRunning)
        {
            return;
        }

        _process = ServerProcess.Start(_logPath, "dotnet", [_dll], _environment, Path.GetDirectoryName(_dll));
        await ScaleOutFixture.WaitUntilOkAsync(new Uri(Address, healthPath), _process, $"web instance {Name}");
    }

    /// <summary>Stops the instance abruptly, as a crash or a killed container would.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
