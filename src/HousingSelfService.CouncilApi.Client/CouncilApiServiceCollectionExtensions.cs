using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.Agreements;
using HousingSelfService.CouncilApi.Client.Assets;
using HousingSelfService.CouncilApi.Client.ContactDetails;
using HousingSelfService.CouncilApi.Client.Documents;
using HousingSelfService.CouncilApi.Client.DirectDebits;
using HousingSelfService.CouncilApi.Client.Finance;
using HousingSelfService.CouncilApi.Client.Payments;
using HousingSelfService.CouncilApi.Client.Persons;
using HousingSelfService.CouncilApi.Client.Processes;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.CouncilApi.Client.Search;
using HousingSelfService.CouncilApi.Client.Tenures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

public static class CouncilApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers one typed Refit client per council API family, each with its own address, a fresh service token
    /// per attempt, and a resilience pipeline: per-attempt and total timeouts, retries with jittered exponential
    /// back-off for safe methods and for POSTs that carry an Idempotency-Key (never any other write), and a
    /// circuit breaker per family.
    /// </summary>
    public static IServiceCollection AddCouncilApiClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CouncilApiOptions>()
            .Bind(configuration.GetSection(CouncilApiOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICouncilApiActorAccessor, ServiceOnlyActorAccessor>();
        services.TryAddSingleton<ServiceTokenFactory>();
        services.TryAddTransient<ServiceTokenHandler>();
        services.TryAddTransient<CorrelationIdHandler>();
        services.TryAddTransient<CallRecordingHandler>();

        var settings = new RefitSettings(new SystemTextJsonContentSerializer(CouncilApiJson.Options));
        services.AddCouncilApi<ITenuresApi>(CouncilApiFamily.Tenures, settings);
        services.AddCouncilApi<IPersonsApi>(CouncilApiFamily.Persons, settings);
        services.AddCouncilApi<IContactDetailsApi>(CouncilApiFamily.ContactDetails, settings);
        services.AddCouncilApi<IAssetsApi>(CouncilApiFamily.Assets, settings);
        services.AddCouncilApi<IRepairsApi>(CouncilApiFamily.Repairs, settings);
        services.AddCouncilApi<IFinanceApi>(CouncilApiFamily.Finance, settings);
        services.AddCouncilApi<ISearchApi>(CouncilApiFamily.Search, settings);
        services.AddCouncilApi<IProcessesApi>(CouncilApiFamily.Processes, settings);
        services.AddCouncilApi<IDocumentsApi>(CouncilApiFamily.Documents, settings);
        services.AddCouncilApi<IPaymentsApi>(CouncilApiFamily.Payments, settings);
        services.AddCouncilApi<IDirectDebitsApi>(CouncilApiFamily.DirectDebits, settings);
        services.AddCouncilApi<IAgreementsApi>(CouncilApiFamily.Agreements, settings);
        return services;
    }

    private static void AddCouncilApi<TApi>(this IServiceCollection services, CouncilApiFamily family, RefitSettings settings)
        where TApi : class
    {
        var client = services.AddRefitGeneratedClient<TApi>(settings)
            .ConfigureHttpClient((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<CouncilApiOptions>>().Value;
                http.BaseAddress = options.AddressOf(family);
                // The resilience pipeline owns timeouts; HttpClient's own must not cut it short.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<CorrelationIdHandler>()
            .AddHttpMessageHandler<CallRecordingHandler>();

        client.AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
            {
                var options = provider.GetRequiredService<IOptions<CouncilApiOptions>>().Value;
                resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
                resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
                resilience.Retry.MaxRetryAttempts = options.MaxRetryAttempts;
                resilience.Retry.Delay = options.RetryDelay;
                resilience.Retry.BackoffType = DelayBackoffType.Exponential;
                resilience.Retry.UseJitter = true;
                var isTransient = resilience.Retry.ShouldHandle;
                resilience.Retry.ShouldHandle = async args =>
                    IsSafeToRetry(args.Context.GetRequestMessage()) && await isTransient(args).ConfigureAwait(false);
                resilience.CircuitBreaker.BreakDuration = options.BreakDuration;
                resilience.CircuitBreaker.MinimumThroughput = options.MinimumThroughput;
                resilience.CircuitBreaker.FailureRatio = 0.5;
                // The standard handler requires the sampling window to be at least twice the attempt timeout.
                resilience.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2 > TimeSpan.FromSeconds(30)
                    ? options.AttemptTimeout * 2
                    : TimeSpan.FromSeconds(30);
            });

        // Inside the retry loop, so every attempt gets its own fresh token.
        client.AddHttpMessageHandler<ServiceTokenHandler>();
    }

    /// <summary>
    /// Reads are safe to repeat. A create is safe only with an Idempotency-Key, which makes the API return the
    /// original result. PATCH, PUT and DELETE are never repeated blindly.
    /// </summary>
    internal static bool IsSafeToRetry(HttpRequestMessage? request) => request switch
    {
        null => false,
        { Method.Method: "GET" or "HEAD" or "OPTIONS" } => true,
        { Method.Method: "POST" } => request.Headers.Contains(HousingSelfService.CouncilApi.Client.CouncilApiHeaders.IdempotencyKey),
        _ => false,
    };
}
