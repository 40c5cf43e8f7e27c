using System.Security.Cryptography;
using HousingSelfService.CouncilApi;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.Web.Data;

namespace HousingSelfService.Web.Infrastructure;

/// <summary>
/// When no council API address is configured, runs the reference council API in this process on a loopback port,
/// so the app works anywhere with demo data. The signing key is random per process and shared with both sides.
/// </summary>
/// <remarks>
/// The API is started when the app's <see cref="CouncilApiOptions"/> are first needed (start-up validation, before
/// the app takes requests), not while the app is being built: building a second host inside Program's top-level
/// code would be picked up by <c>WebApplicationFactory</c> instead of the app itself.
/// </remarks>
public sealed class EmbeddedCouncilApi : IAsyncDisposable
{
    private readonly ReferenceCouncilApiSettings _settings;
    private readonly IConfiguration _configuration;
    private readonly Lazy<Task<RunningCouncilApi>> _running;

    private EmbeddedCouncilApi(ReferenceCouncilApiSettings settings, IConfiguration configuration)
    {
        _settings = settings;
        _configuration = configuration;
        _running = new Lazy<Task<RunningCouncilApi>>(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>True when neither <c>CouncilApi:BaseAddress</c> nor any family's own address is set.</summary>
    public static bool IsNeeded(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(CouncilApiOptions.SectionName);
        return string.IsNullOrWhiteSpace(section[nameof(CouncilApiOptions.BaseAddress)])
            && Enum.GetNames<CouncilApiFamily>().All(family => string.IsNullOrWhiteSpace(section[family]));
    }

    /// <summary>The bound address; starts the API on first use.</summary>
    public Uri BaseAddress => _running.Value.GetAwaiter().GetResult().BaseAddress;

    public Task<RunningCouncilApi> EnsureStartedAsync() => _running.Value;

    private async Task<RunningCouncilApi> StartAsync()
    {
        var api = await ReferenceCouncilApi.StartAsync(_settings).ConfigureAwait(false);
        // Anyone reading configuration directly sees the real address too.
        _configuration[$"{CouncilApiOptions.SectionName}:{nameof(CouncilApiOptions.BaseAddress)}"] = api.BaseAddress.ToString();
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        if (_running.IsValueCreated)
        {
            var api = await _running.Value.ConfigureAwait(false);
            await api.StopAsync().ConfigureAwait(false);
            await api.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// When no council API address is configured: gives both sides a random signing key, points the council API
    /// clients at the embedded reference API (started on <c>http://127.0.0.1:0</c> with its SQLite file in the data
    /// folder), turns on demo sign-ins (unless <c>Demo:SeedAccounts</c> says otherwise) and stops the API on shutdown.
    /// </summary>
    public static WebApplicationBuilder AddEmbeddedCouncilApiWhenUnconfigured(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!IsNeeded(builder.Configuration))
        {
            return builder;
        }

        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var file = Path.Combine(database.ResolveDataFolder(builder.Environment.ContentRootPath), "council-api.db");
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var embedded = new EmbeddedCouncilApi(
            new ReferenceCouncilApiSettings { Urls = "http://127.0.0.1:0", ConnectionString = $"Data Source={file}", SigningKey = signingKey },
            builder.Configuration);

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{CouncilApiOptions.SectionName}:{nameof(CouncilApiOptions.SigningKey)}"] = signingKey,
            [$"{DemoOptions.SectionName}:{nameof(DemoOptions.SeedAccounts)}"] =
                builder.Configuration[$"{DemoOptions.SectionName}:{nameof(DemoOptions.SeedAccounts)}"] ?? "true",
        });
        builder.Services.AddSingleton(embedded);
        builder.Services.PostConfigure<CouncilApiOptions>(options => options.BaseAddress = embedded.BaseAddress);
        builder.Services.AddHostedService<Lifetime>();
        return builder;
    }

    /// <summary>Makes sure the API is up before requests arrive, and stops it when the app shuts down.</summary>
    private sealed class Lifetime(EmbeddedCouncilApi embedded, ILogger<Lifetime> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var api = await embedded.EnsureStartedAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            logger.LogInformation("No council API address is configured, so the reference council API is running in-process at {Address}.", api.BaseAddress);
        }

        public async Task StopAsync(CancellationToken cancellationToken) => await embedded.DisposeAsync().ConfigureAwait(false);
    }
}

public static class EmbeddedCouncilApiExtensions
{
    /// <inheritdoc cref="EmbeddedCouncilApi.AddEmbeddedCouncilApiWhenUnconfigured"/>
    public static WebApplicationBuilder AddEmbeddedCouncilApiWhenUnconfigured(this WebApplicationBuilder builder) =>
        EmbeddedCouncilApi.AddEmbeddedCouncilApiWhenUnconfigured(builder);
}
