using System.Net;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;

namespace HousingSelfService.Web.Infrastructure.ScaleOut;

/// <summary>
/// What several instances behind a proxy need (README "Running at scale"): forwarded headers from the proxy, circuit
/// state in a shared store (Redis through HybridCache, when configured) and health endpoints for the proxy.
/// Data-protection keys are shared through the app database (see <c>AddHousingData</c>).
/// </summary>
public static class ScaleOutServiceCollectionExtensions
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // The proxy says who the client is and whether it came in over https; trusted from loopback (the default)
        // and from any address in ForwardedHeaders:KnownProxies.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        // Circuit limits from configuration (section Circuits), e.g. Circuits__DisconnectedCircuitRetentionPeriod.
        services.Configure<CircuitOptions>(configuration.GetSection("Circuits"));

        // .NET 10 persists an evicted circuit's [PersistentState] through HybridCache when one is registered
        // (CircuitOptions.HybridPersistenceCache); with Redis behind it, any instance can resume the circuit.
        // Without Redis, circuit state stays in this process's memory.
        if (RedisConfiguration(configuration) is { } redis)
        {
            services.AddStackExchangeRedisCache(options =>
            {
                options.Configuration = redis;
                options.InstanceName = "housing-self-service:";
            });
            services.AddHybridCache();
        }

        services.AddHttpClient(CouncilApiHealthCheck.ClientName, client => client.Timeout = CouncilApiHealthCheck.Timeout);
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<CouncilApiHealthCheck>("council-api", tags: [ReadyTag]);
        return services;
    }

    /// <summary><c>ConnectionStrings:Redis</c> or <c>Redis:Configuration</c> (StackExchange.Redis syntax), if set.</summary>
    public static string? RedisConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var redis = configuration.GetConnectionString("Redis");
        redis = string.IsNullOrWhiteSpace(redis) ? configuration["Redis:Configuration"] : redis;
        return string.IsNullOrWhiteSpace(redis) ? null : redis;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers (no dependencies checked, so a database outage does not get every
    /// instance restarted). <c>/health/ready</c>: the database and the council API answer too. Both anonymous.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .AllowAnonymous();
        return endpoints;
    }
}
