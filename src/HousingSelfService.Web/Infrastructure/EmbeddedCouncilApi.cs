using System.Security.Cryptography;
using HousingSelfService.CouncilApi;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.Web.Data;

namespace HousingSelfService.Web.Infrastructure;

/// <summary>
/// When no council API address is configured, runs the reference council API in this process on a loopback port,
/// so the app works anywhere with demo data. The signing key is random per process and shared with both sides.
/// </summary>
public static class EmbeddedCouncilApi
{
    /// <summary>True when neither <c>CouncilApi:BaseAddress</c> nor any family's own address is set.</summary>
    public static bool IsNeeded(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(CouncilApiOptions.SectionName);
        return string.IsNullOrWhiteSpace(section[nameof(CouncilApiOptions.BaseAddress)])
            && Enum.GetNames<CouncilApiFamily>().All(family => string.IsNullOrWhiteSpace(section[family]));
    }

    /// <summary>
    /// Starts the embedded API when needed, points <c>CouncilApi:BaseAddress</c> at it and turns on demo sign-ins
    /// (unless <c>Demo:SeedAccounts</c> says otherwise). Call before anything reads the council API settings.
    /// </summary>
    public static async Task<RunningCouncilApi?> AddEmbeddedCouncilApiWhenUnconfiguredAsync(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!IsNeeded(builder.Configuration))
        {
            return null;
        }

        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var file = Path.Combine(database.ResolveDataFolder(builder.Environment.ContentRootPath), "council-api.db");
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var api = await ReferenceCouncilApi.StartAsync(new ReferenceCouncilApiSettings
        {
            Urls = "http://127.0.0.1:0",
            ConnectionString = $"Data Source={file}",
            SigningKey = signingKey,
        }).ConfigureAwait(false);

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{CouncilApiOptions.SectionName}:{nameof(CouncilApiOptions.BaseAddress)}"] = api.BaseAddress.ToString(),
            [$"{CouncilApiOptions.SectionName}:{nameof(CouncilApiOptions.SigningKey)}"] = signingKey,
            [$"{DemoOptions.SectionName}:{nameof(DemoOptions.SeedAccounts)}"] =
                builder.Configuration[$"{DemoOptions.SectionName}:{nameof(DemoOptions.SeedAccounts)}"] ?? "true",
        });
        builder.Services.AddSingleton(api);
        builder.Services.AddHostedService<EmbeddedCouncilApiLifetime>();
        return api;
    }

    /// <summary>Stops the embedded API when the app shuts down.</summary>
    private sealed class EmbeddedCouncilApiLifetime(RunningCouncilApi api, ILogger<EmbeddedCouncilApiLifetime> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogInformation("No council API address is configured, so the reference council API is running in-process at {Address}.", api.BaseAddress);
            return Task.CompletedTask;
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            await api.StopAsync(cancellationToken).ConfigureAwait(false);
            await api.DisposeAsync().ConfigureAwait(false);
        }
    }
}
