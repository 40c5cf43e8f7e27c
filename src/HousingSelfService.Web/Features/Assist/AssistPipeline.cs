using System.Security.Claims;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;

namespace HousingSelfService.Web.Features.Assist;

/// <summary>
/// Marks council API calls an officer makes as themselves (searching, opening a record), so they are neither
/// audited nor stamped as made for the resident they happen to be assisting.
/// </summary>
public static class OfficerWork
{
    private static readonly AsyncLocal<bool> Active = new();

    public static bool IsActive => Active.Value;

    /// <summary>Call at the top of an async method; the mark ends when that method returns.</summary>
    public static void Begin() => Active.Value = true;
}

/// <summary>
/// The viewer of whoever caused a council API call. HTTP message handlers get their own DI scope, so this reaches the
/// circuit's services (interactive) or the request's (prerendering, static pages).
/// </summary>
public sealed class CallerViewer(CircuitServicesAccessor circuit, IHttpContextAccessor httpContextAccessor)
{
    public async Task<Viewer?> GetAsync(CancellationToken cancellationToken)
    {
        if (OfficerWork.IsActive)
        {
            return null;
        }

        // In a circuit the user comes from its authentication state; anywhere else (prerendering, static pages, plain
        // endpoints such as downloads) from the request, where the authentication state provider is not set up.
        ClaimsPrincipal? user;
        IServiceProvider? services;
        if (circuit.Services is { } circuitServices)
        {
            services = circuitServices;
            user = (await circuitServices.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync().ConfigureAwait(false)).User;
        }
        else
        {
            services = httpContextAccessor.HttpContext?.RequestServices;
            user = httpContextAccessor.HttpContext?.User;
        }

        if (services?.GetService<CurrentResident>() is not { } current || user is null)
        {
            return null;
        }

        // Only officers assist: everyone else's calls need no database look-up here.
        return user.IsInRole(AppRoles.Officer) ? await current.GetAsync(user, cancellationToken).ConfigureAwait(false) : null;
    }
}

/// <summary>Audits every council API call made in an assist session: read or write, with its correlation id.</summary>
public sealed class AssistCallRecorder(CallerViewer caller, AssistSessions sessions) : ICouncilApiCallRecorder
{
    public async Task RecordAsync(CouncilApiCall apiCall, CancellationToken cancellationToken)
    {
        if (await caller.GetAsync(cancellationToken).ConfigureAwait(false) is { Assist: not null } viewer)
        {
            await sessions.RecordCallAsync(viewer, apiCall, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// In an assist session, stamps council records as made by the officer on the resident's behalf
/// ("Sam Officer for Ada Resident", the officer's id and email); otherwise names the signed-in user as before.
/// </summary>
public sealed class AssistActorAccessor(SignedInActorAccessor signedIn, CallerViewer caller) : ICouncilApiActorAccessor
{
    public async ValueTask<CouncilApiActor?> GetCurrentActorAsync(CancellationToken cancellationToken) =>
        await caller.GetAsync(cancellationToken).ConfigureAwait(false) is { Assist: { } assist }
            ? ActorFor(assist)
            : await signedIn.GetCurrentActorAsync(cancellationToken).ConfigureAwait(false);

    public static CouncilApiActor ActorFor(AssistInfo assist)
    {
        ArgumentNullException.ThrowIfNull(assist);
        return new CouncilApiActor(assist.OfficerUserId, $"{assist.OfficerName} for {assist.ResidentName}", assist.OfficerEmail);
    }
}
