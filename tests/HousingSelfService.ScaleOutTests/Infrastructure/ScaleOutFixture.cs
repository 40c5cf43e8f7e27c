using System.Net;
using HousingSelfService.Web.Infrastructure.Notifications;
using Xunit;

namespace HousingSelfService.ScaleOutTests.Infrastructure;

/// <summary>
/// The scale-out topology on loopback, with real servers, each its own process: PostgreSQL (initdb into a temp
/// folder), Redis, the reference council API on PostgreSQL, two web instances on PostgreSQL + Redis, and nginx with
/// the repo's <c>Deploy/nginx.conf</c> in front. Everything stops at the end, also when start-up fails. When the
/// servers are not installed the tests skip (see <see cref="SkipReason"/>); in CI (<c>CI=true</c>) that is a failure.
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    public const string SigningKey = "scale-out-tests-signing-key-0123456789abcdef";
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly List<IAsyncDisposable> _running = [];
    private readonly string _folder;
    private string? _postgresData;
    private string? _postgresBin;
    private int _postgresPort;
    private Dictionary<string, string> _webSettings = [];
    private string? _nginxPrefix;
    private ServerProcess? _nginx;
    private ServerProcess? _councilApi;

    public ScaleOutFixture()
    {
        _folder = Directory.CreateTempSubdirectory("hss-scale-out-").FullName;
        // The postgres user must reach its data folder inside this one.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    /// <summary>Why the servers cannot run here, or null when they run.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>nginx, balancing between the instances with sticky sessions.</summary>
    public Uri ProxyAddress { get; private set; } = null!;

    public IReadOnlyList<WebInstance> Instances { get; private set; } = [];

    public Uri CouncilApiAddress { get; private set; } = null!;

    /// <summary>The app database (PostgreSQL), e.g. for tests that look at rows directly.</summary>
    public string HousingConnectionString => PostgresConnectionString("housing");

    public string RedisConfiguration { get; private set; } = "";

    /// <summary>The email and text messages both instances have "sent" (the file sender, in their shared data folder).</summary>
    public NotificationFolder Notifications => new(Path.Combine(_folder, "web-data", new NotificationOptions().Folder));

    /// <summary>Folder for logs of every server; named in failure messages.</summary>
    public string LogFolder => _folder;

    public string PostgresConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_postgresPort};Database={database};Username=postgres";

    /// <summary>Skips the calling test when the servers are not installed.</summary>
    public void SkipUnlessRunning() => Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");

    public async ValueTask InitializeAsync()
    {
        SkipReason = MissingServers();
        if (SkipReason is not null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"CI must run the scale-out tests, but: {SkipReason}");
            }

            return;
        }

        try
        {
            await StartPostgresAsync();
            await StartRedisAsync();
            await StartCouncilApiAsync();
            await StartWebInstancesAsync();
            await StartNginxAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private string? MissingServers()
    {
        _postgresBin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        var missing = new List<string>();
        if (_postgresBin is null)
        {
            missing.Add("PostgreSQL (/usr/lib/postgresql/*/bin/initdb)");
        }

        if (!File.Exists("/usr/bin/redis-server"))
        {
            missing.Add("Redis (/usr/bin/redis-server)");
        }

        if (!File.Exists("/usr/sbin/nginx"))
        {
            missing.Add("nginx (/usr/sbin/nginx)");
        }

        return missing.Count == 0 ? null
            : $"The scale-out tests need real servers that are not installed: {string.Join(", ", missing)}. "
              + "Install them with: sudo apt-get install postgresql redis-server nginx";
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>PostgreSQL refuses to run as root, so as root its tools run as the postgres user.</summary>
    private (string File, string[] Arguments) AsPostgresUser(string tool, params string[] arguments) =>
        IsRoot ? ("runuser", ["-u", "postgres", "--", Path.Combine(_postgresBin!, tool), .. arguments])
            : (Path.Combine(_postgresBin!, tool), arguments);

    private async Task StartPostgresAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "postgres")).FullName;
        if (IsRoot)
        {
            await ServerProcess.RunAsync("chown", "postgres:postgres", folder);
        }

        _postgresData = Path.Combine(folder, "data");
        _postgresPort = ServerProcess.FreePort();
        var initdb = AsPostgresUser("initdb", "-D", _postgresData, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
        await ServerProcess.RunAsync(initdb.File, initdb.Arguments);
        // Durability is not what is under test: no fsync keeps the lane quick.
        var options = $"-p {_postgresPort} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        var start = AsPostgresUser("pg_ctl", "-D", _postgresData, "-l", Path.Combine(folder, "postgres.log"), "-o", options, "-w", "-t", "60", "start");
        await ServerProcess.RunAsync(start.File, start.Arguments);
        _running.Add(new Stopper(StopPostgresAsync));
        foreach (var database in new[] { "housing", "council" })
        {
            var create = AsPostgresUser("createdb", "-h", "127.0.0.1", "-p", _postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", database);
            await ServerProcess.RunAsync(create.File, create.Arguments);
        }
    }

    private async Task StopPostgresAsync()
    {
        var stop = AsPostgresUser("pg_ctl", "-D", _postgresData!, "-m", "immediate", "-w", "stop");
        await ServerProcess.RunAsync(stop.File, stop.Arguments);
    }

    private async Task StartRedisAsync()
    {
        var port = ServerProcess.FreePort();
        var redis = ServerProcess.Start(Path.Combine(_folder, "redis.log"), "/usr/bin/redis-server",
            ["--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _folder]);
        _running.Add(redis);
        RedisConfiguration = $"127.0.0.1:{port}";
        await RedisClient.WaitUntilReadyAsync(RedisConfiguration, redis);
    }

    private async Task StartCouncilApiAsync()
    {
        var port = ServerProcess.FreePort();
        CouncilApiAddress = new Uri($"http://127.0.0.1:{port}/");
        _running.Add(new Stopper(StopCouncilApiAsync));
        await RestartCouncilApiAsync();
    }

    /// <summary>Starts the reference council API (again, on the same address and database) and waits until it answers.</summary>
    public async Task RestartCouncilApiAsync()
    {
        if (_councilApi is not null)
        {
            return;
        }

        var dll = BuildOutput("HousingSelfService.CouncilApi");
        _councilApi = ServerProcess.Start(Path.Combine(_folder, "council-api.log"), "dotnet", [dll], new Dictionary<string, string>
        {
            ["ReferenceCouncilApi__Urls"] = CouncilApiAddress.ToString().TrimEnd('/'),
            ["ReferenceCouncilApi__DatabaseProvider"] = "Postgres",
            ["ReferenceCouncilApi__ConnectionString"] = PostgresConnectionString("council"),
            ["ReferenceCouncilApi__SigningKey"] = SigningKey,
        }, Path.GetDirectoryName(dll));
        await WaitUntilOkAsync(new Uri(CouncilApiAddress, "api/v1/healthcheck/ping"), _councilApi, "the reference council API");
    }

    /// <summary>Stops the reference council API at once: every call to it from the web instances fails.</summary>
    public async Task StopCouncilApiAsync()
    {
        if (_councilApi is not null)
        {
            await _councilApi.DisposeAsync();
            _councilApi = null;
        }
    }

    /// <summary>
    /// A further web instance with the same settings as the others, changed by <paramref name="overrides"/>; not behind
    /// the proxy, not started, stopped with the fixture.
    /// </summary>
    public WebInstance CreateInstance(string name, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var settings = new Dictionary<string, string>(_webSettings);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var instance = new WebInstance(name, BuildOutput("HousingSelfService.Web"), settings, _folder);
        _running.Add(instance);
        return instance;
    }

    private async Task StartWebInstancesAsync()
    {
        _webSettings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Housing"] = PostgresConnectionString("housing"),
            ["ConnectionStrings__Redis"] = RedisConfiguration,
            ["CouncilApi__BaseAddress"] = CouncilApiAddress.ToString(),
            ["CouncilApi__SigningKey"] = SigningKey,
            ["Demo__SeedAccounts"] = "true",
            ["Database__DataFolder"] = Path.Combine(_folder, "web-data"),
            // A dropped circuit is evicted (and its state written to Redis) after 2 s instead of 3 min.
            ["Circuits__DisconnectedCircuitRetentionPeriod"] = "00:00:02",
            // The outbox tests wait for deliveries after the council API comes back: poll often, give up on it quickly.
            ["Repairs__Outbox__PollInterval"] = "00:00:01",
            ["Repairs__Outbox__RetryDelay"] = "00:00:01",
            ["CouncilApi__MaxRetryAttempts"] = "1",
            ["CouncilApi__BreakDuration"] = "00:00:01",
        };
        Instances = [CreateInstance("web-a"), CreateInstance("web-b")];
        // Both at the same moment on the fresh database, as an orchestrator would start them: start-up takes a lock,
        // so one migrates and seeds the demo accounts while the other waits, and neither fails.
        await Task.WhenAll(Instances.Select(instance => instance.StartAsync()));
    }

    private async Task StartNginxAsync()
    {
        var prefix = Directory.CreateDirectory(Path.Combine(_folder, "nginx")).FullName;
        foreach (var sub in new[] { "logs", "temp", "housing-self-service.d" })
        {
            Directory.CreateDirectory(Path.Combine(prefix, sub));
        }

        var port = ServerProcess.FreePort();
        ProxyAddress = new Uri($"http://127.0.0.1:{port}/");
        var template = await File.ReadAllTextAsync(Path.Combine(IntegrationTests.Infrastructure.RepositoryRoot.Path,
            "src", "HousingSelfService.Web", "Deploy", "nginx.conf"));
        var config = template.Replace("${HSS_LISTEN}", $"127.0.0.1:{port}", StringComparison.Ordinal)
            .Replace("${HSS_WEB1}", Instances[0].Upstream, StringComparison.Ordinal)
            .Replace("${HSS_WEB2}", Instances[1].Upstream, StringComparison.Ordinal);
        var configPath = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(configPath, config);
        // Tests only: say which instance answered.
        await File.WriteAllTextAsync(Path.Combine(prefix, "housing-self-service.d", "upstream.conf"),
            "add_header X-Upstream $upstream_addr always;\n");
        // As root nginx's workers run as nobody; let them write their temp files.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(prefix, "temp"), (UnixFileMode)0b111_111_111);
        }

        _nginxPrefix = prefix;
        _running.Add(new Stopper(StopProxyAsync));
        await StartProxyAsync();
    }

    /// <summary>Starts nginx again after <see cref="StopProxyAsync"/>.</summary>
    public async Task StartProxyAsync()
    {
        _nginx ??= ServerProcess.Start(Path.Combine(_folder, "nginx.log"), "/usr/sbin/nginx",
            ["-p", _nginxPrefix + "/", "-c", Path.Combine(_nginxPrefix!, "nginx.conf"), "-g", "daemon off;"]);
        await WaitUntilOkAsync(new Uri(ProxyAddress, "health/live"), _nginx, "nginx");
    }

    /// <summary>Stops nginx at once: every browser connection through it drops.</summary>
    public async Task StopProxyAsync()
    {
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
            _nginx = null;
        }
    }

    /// <summary>The build output of a project in the same configuration as these tests (the test project builds it).</summary>
    private static string BuildOutput(string project)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var dll = Path.Combine(IntegrationTests.Infrastructure.RepositoryRoot.Path, "src", project, "bin", configuration, testOutput.Name, $"{project}.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution first.");
    }

    /// <summary>Polls an address until it answers 200, failing early (with its log) if the server exits.</summary>
    public static async Task WaitUntilOkAsync(Uri address, ServerProcess server, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"{what} exited while starting. Log ({server.LogPath}):\n{server.Tail()}");
            }

            try
            {
                using var response = await Probe.GetAsync(address);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{what} did not answer {address} with 200 in time. Log ({server.LogPath}):\n{server.Tail()}");
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _running.Count - 1; i >= 0; i--)
        {
            try
            {
                await _running[i].DisposeAsync();
            }
            catch (InvalidOperationException)
            {
                // Keep stopping the others.
            }
        }

        _running.Clear();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A server still closing a file: the temp folder is cleaned up by the OS later.
        }
    }

    private sealed class Stopper(Func<Task> stop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await stop();
    }
}

[CollectionDefinition(Name)]
public sealed class ScaleOutCollectionDefinition : ICollectionFixture<ScaleOutFixture>
{
    public const string Name = "Scale-out";
}
