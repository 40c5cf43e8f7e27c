using System.Security.Claims;
using HousingSelfService.Web.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.Web.Infrastructure;

/// <summary>Who is signed in, and (for residents) the one tenancy they may see.</summary>
public enum ViewerKind { Anonymous, Officer, UnlinkedResident, Resident }

/// <summary>The signed-in user's view of the world; <see cref="Link"/> is set only for linked residents.</summary>
public sealed record Viewer(ViewerKind Kind, string? UserId, string? Email, TenancyLink? Link)
{
    public static Viewer Anonymous { get; } = new(ViewerKind.Anonymous, null, null, null);
}

/// <summary>
/// Finds the signed-in user and their active <see cref="TenancyLink"/>. Features ask this, never a URL parameter,
/// whose tenancy they may touch. Uses a short-lived context, so it is safe in interactive components.
/// </summary>
public sealed class CurrentResident(AuthenticationStateProvider authentication, IDbContextFactory<HousingDbContext> databases)
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
            return new Viewer(ViewerKind.Officer, userId, email, null);
        }

        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var link = await database.TenancyLinks.AsNoTracking()
            .SingleOrDefaultAsync(l => l.UserId == userId && l.IsActive, cancellationToken).ConfigureAwait(false);
        return new Viewer(link is null ? ViewerKind.UnlinkedResident : ViewerKind.Resident, userId, email, link);
    }
}
