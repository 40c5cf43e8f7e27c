using System.Security.Claims;
using HousingSelfService.CouncilApi.Client;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HousingSelfService.Web.Infrastructure;

/// <summary>
/// Names the signed-in user in the service token. In an interactive circuit it reads the circuit's
/// <see cref="AuthenticationStateProvider"/> (never <c>HttpContext</c>); during prerendering and static SSR it
/// reads the request's user.
/// </summary>
public sealed class SignedInActorAccessor(CircuitServicesAccessor circuit, IHttpContextAccessor httpContextAccessor) : ICouncilApiActorAccessor
{
    public async ValueTask<CouncilApiActor?> GetCurrentActorAsync(CancellationToken cancellationToken)
    {
        ClaimsPrincipal? user = null;
        if (circuit.Services?.GetService<AuthenticationStateProvider>() is { } authentication)
        {
            user = (await authentication.GetAuthenticationStateAsync().ConfigureAwait(false)).User;
        }
        else if (httpContextAccessor.HttpContext is { } httpContext)
        {
            user = httpContext.User;
        }

        return ActorOf(user);
    }

    internal static CouncilApiActor? ActorOf(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return null;
        }

        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name;
        return new CouncilApiActor(id, user.Identity.Name ?? id, email);
    }
}

public static class SignedInActorServiceCollectionExtensions
{
    /// <summary>Stamps the signed-in user on council API calls (replaces the client library's service-only default).</summary>
    public static IServiceCollection AddSignedInCouncilApiActor(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<CircuitServicesAccessor>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, ServicesAccessorCircuitHandler>();
        services.RemoveAll<ICouncilApiActorAccessor>();
        services.AddSingleton<ICouncilApiActorAccessor, SignedInActorAccessor>();
        return services;
    }
}
