using HousingSelfService.CouncilApi.Client;
using HousingSelfService.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HousingSelfService.Web.Infrastructure.ScaleOut;

/// <summary>Ready only when the app database accepts a connection.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<HousingDbContext> databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await database.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The app database does not accept connections.");
    }
}

/// <summary>
/// Ready only when every council API family answers its anonymous <c>/api/v1/healthcheck/ping</c>. A plain client with
/// one short attempt, not the resilient Refit clients: a probe must answer quickly and must not feed their breakers.
/// </summary>
internal sealed class CouncilApiHealthCheck(IHttpClientFactory clients, IOptions<CouncilApiOptions> options) : IHealthCheck
{
    public const string ClientName = "council-api-health";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var client = clients.CreateClient(ClientName);
        var addresses = Enum.GetValues<CouncilApiFamily>().Select(options.Value.AddressOf).Distinct();
        foreach (var address in addresses)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(address, "api/v1/healthcheck/ping"), cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    return HealthCheckResult.Unhealthy($"The council API at {address} answered {(int)response.StatusCode}.");
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                return HealthCheckResult.Unhealthy($"The council API at {address} did not answer.", error);
            }
        }

        return HealthCheckResult.Healthy();
    }
}
