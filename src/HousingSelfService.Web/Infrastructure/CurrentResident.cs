using System.Security.Claims;
using HousingSelfService.Web.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.Web.Infrastructure;

/// <summary>Who is signed in, and (for residents) the one tenancy they may see.</summary>
public enum ViewerKind { Anonymous, Officer, UnlinkedResident, Resident }

/// <summary>
/// The signed-in user's view of the world; <see cref="Link"/> is set only for linked residents. While an officer
/// assists a resident, the viewer is that resident (their user id, email and link) and <see cref="Assist"/> says who
/// is really at the keyboard.
/// </summary>
public sealed record Viewer(ViewerKind Kind, string? UserId, string? Email, TenancyLink? Link)
{
    public static Viewer Anonymous { get; } = new(ViewerKind.Anonymous, null, null, null);

    public AssistInfo? Assist { get; init; }
}

/// <summary>An officer acting for a resident, for the length of an assist session.</summary>
public sealed record AssistInfo(Guid SessionId, string OfficerUserId, string OfficerName, string? OfficerEmail, string ResidentName);

/// <summary>For a signed-in officer: the resident they are assisting right now, as a resident viewer, if any.</summary>
public interface IAssistedViewerSource
{
    Task<Viewer?> FindAssistedViewerAsync(string officerUserId, CancellationToken cancellationToken);
}

/// <summary>
/// Finds the signed-in user and their active <see cref="TenancyLink"/>. Features ask this, never a URL parameter,
/// whose tenancy they may touch. Uses a short-lived context, so it is safe in interactive components.
/// </summary>
public sealed class CurrentResident(AuthenticationStateProvider authentication, IDbContextFactory<HousingDbContext> databases,
    IAssistedViewerSource? assisted = null)
{
    public async Task<Viewer> GetAsync(CancellationToken cancellationToken = default) =>
        await GetAsync((await authentication.GetAuthenticationStateAsync().ConfigureAwait(false)).User, cancellationToken).ConfigureAwait(false);

    /// <summary>For plain HTTP endpoints (downloads), which have the request's user but no Blazor authentication state.</summary>
    public async Task<Viewer> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return Viewer.Anonymous;
        }

        var email = user.Identity.Name;
        if (user.IsInRole(AppRoles.Officer))
        {
            return (assisted is null ? null : await assisted.FindAssistedViewerAsync(userId, cancellationToken).ConfigureAwait(false))
                ?? new Viewer(ViewerKind.Officer, userId, email, null);
        }

        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var link = await database.TenancyLinks.AsNoTracking()
            .SingleOrDefaultAsync(l => l.UserId == userId && l.IsActive, cancellationToken).ConfigureAwait(false);
        return new Viewer(link is null ? ViewerKind.UnlinkedResident : ViewerKind.Resident, userId, email, link);
    }
}
