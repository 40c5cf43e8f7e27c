using System.Globalization;

namespace HousingSelfService.Benchmarks.Infrastructure;

/// <summary>
/// Command-line options: <c>--quick</c> for a smoke run (few requests, few circuits), <c>--out</c> for the JSON file.
/// For before/after comparisons on a busy machine: <c>--app FOLDER</c> measures an already published web app instead
/// of publishing one, <c>--pages A,B</c> limits Lighthouse to pages whose name contains A or B, and
/// <c>--circuits 20,40</c> chooses the memory steps.
/// </summary>
internal sealed record HarnessOptions(bool Quick, string? OutputPath, int LighthouseRuns, string? PublishedWebApp,
    IReadOnlyList<string> PageNames, IReadOnlyList<int> Circuits)
{
    public static HarnessOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick", StringComparer.OrdinalIgnoreCase);
        string? Value(string name) => args.SkipWhile(a => !a.Equals(name, StringComparison.OrdinalIgnoreCase)).Skip(1).FirstOrDefault();
        string[] List(string name) => Value(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var runs = Value("--lighthouse-runs") is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : quick ? 1 : 3;
        return new HarnessOptions(quick, Value("--out"), runs, Value("--app") is { } app ? Path.GetFullPath(app) : null,
            List("--pages"), [.. List("--circuits").Select(n => int.Parse(n, CultureInfo.InvariantCulture))]);
    }

    /// <summary>Whether <c>--pages</c> (if given) selects this page.</summary>
    public bool Selects(PageSpec page) =>
        PageNames.Count == 0 || PageNames.Any(name => page.Name.Contains(name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>What every benchmark shares: the repo, a scratch folder, the published apps, the results file.</summary>
internal sealed class Harness : IAsyncDisposable
{
    private const string CouncilApiSigningKey = "benchmarks-only-signing-key-for-the-reference-council-api";
    private readonly Lazy<Task<string>> _web;
    private readonly Lazy<Task<string>> _councilApi;
    private readonly Lazy<Task<string>> _bareBlazor;

    private Harness(HarnessOptions options, string repoRoot)
    {
        Options = options;
        RepoRoot = repoRoot;
        Scratch = Directory.CreateTempSubdirectory("housing-benchmarks-").FullName;
        Results = new Results(options.OutputPath ?? Path.Combine(repoRoot, "benchmark-results", "results.json"), options.Quick);
        _web = new(() => options.PublishedWebApp is { } published
            ? Task.FromResult(published)
            : Build.PublishAsync(Path.Combine(RepoRoot, "src", "HousingSelfService.Web"), Path.Combine(Scratch, "web")));
        _councilApi = new(() => Build.PublishAsync(Path.Combine(RepoRoot, "src", "HousingSelfService.CouncilApi"), Path.Combine(Scratch, "council-api")));
        _bareBlazor = new(() => Build.NewBareBlazorAsync(Path.Combine(Scratch, "bare-blazor")));
    }

    public HarnessOptions Options { get; }

    public string RepoRoot { get; }

    /// <summary>Deleted at the end of the run.</summary>
    public string Scratch { get; }

    public Results Results { get; }

    public string BenchmarksFolder => Path.Combine(RepoRoot, "tests", "HousingSelfService.Benchmarks");

    /// <summary>Picks the smoke-run or the full-run value.</summary>
    public T Pick<T>(T quick, T full) => Options.Quick ? quick : full;

    public static Harness Create(HarnessOptions options)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "HousingSelfService.sln")))
        {
            folder = folder.Parent;
        }

        return new Harness(options, folder?.FullName ?? throw new InvalidOperationException("Run the benchmarks from inside the repository."));
    }

    /// <summary>The web app published in Release (once per run); the folder holding HousingSelfService.Web.dll.</summary>
    public Task<string> WebAppAsync() => _web.Value;

    public Task<string> CouncilApiAsync() => _councilApi.Value;

    /// <summary>The bare <c>dotnet new blazor</c> app, generated and published in this run.</summary>
    public Task<string> BareBlazorAsync() => _bareBlazor.Value;

    /// <summary>Starts the published web app with the reference council API in-process (no injected latency).</summary>
    public async Task<ServerProcess> StartWebAppAsync(IDictionary<string, string>? environment = null)
    {
        var folder = await WebAppAsync();
        var settings = new Dictionary<string, string>
        {
            ["Database__DataFolder"] = Directory.CreateDirectory(Path.Combine(Scratch, "data-" + Guid.NewGuid().ToString("N"))).FullName,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return await ServerProcess.StartAsync("web app", Path.Combine(folder, "HousingSelfService.Web.dll"), settings);
    }

    /// <summary>
    /// The reference council API in its own process, with <paramref name="injectedLatency"/> added to every call, as
    /// a council's separate API platform would be.
    /// </summary>
    public async Task<ServerProcess> StartCouncilApiAsync(TimeSpan injectedLatency)
    {
        var milliseconds = injectedLatency.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        return await ServerProcess.StartAsync($"council API +{milliseconds} ms",
            Path.Combine(await CouncilApiAsync(), "HousingSelfService.CouncilApi.dll"), new Dictionary<string, string>
            {
                ["ReferenceCouncilApi__Urls"] = "{url}",
                ["ReferenceCouncilApi__ConnectionString"] = $"Data Source={Path.Combine(Scratch, $"council-api-{Guid.NewGuid():N}.db")}",
                ["ReferenceCouncilApi__SigningKey"] = CouncilApiSigningKey,
                ["ReferenceCouncilApi__InjectedLatency"] = injectedLatency.ToString("c", CultureInfo.InvariantCulture),
            });
    }

    /// <summary>The published web app pointed at a council API started by <see cref="StartCouncilApiAsync"/>.</summary>
    public Task<ServerProcess> StartWebAppAsync(ServerProcess councilApi) =>
        StartWebAppAsync(new Dictionary<string, string>
        {
            ["CouncilApi__BaseAddress"] = councilApi.Address.ToString(),
            ["CouncilApi__SigningKey"] = CouncilApiSigningKey,
            ["Demo__SeedAccounts"] = "true",
        });

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException)
        {
            // A server still releasing a file; the OS temp cleaner gets it.
        }

        return ValueTask.CompletedTask;
    }
}
