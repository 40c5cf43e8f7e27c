using HousingSelfService.Web.Data;
using HousingSelfService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.Web.Features.Assist;

/// <summary>The officer starting an assist session, as they will be named on the resident's records.</summary>
public sealed record OfficerIdentity(string UserId, string Name, string? Email);

/// <summary>
/// Starts, finds and ends assist sessions. While an officer has an active session, <see cref="CurrentResident"/> asks
/// here and gets the resident as the viewer, so every resident page works for the officer as it does for the resident.
/// </summary>
public sealed class AssistSessions(IDbContextFactory<HousingDbContext> databases, AuditTrail audit, TimeProvider time) : IAssistedViewerSource
{
    /// <summary>An assist session with no council API activity for this long has ended.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public async Task<AssistSession> StartAsync(OfficerIdentity officer, string residentUserId, string residentName, Guid personId,
        string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(officer);
        // One resident at a time: helping someone new ends helping the last one.
        await EndAsync(officer.UserId, "Started helping someone else", cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow().UtcDateTime;
        var session = new AssistSession
        {
            Id = Guid.NewGuid(),
            OfficerUserId = officer.UserId,
            OfficerName = officer.Name,
            OfficerEmail = officer.Email,
            ResidentUserId = residentUserId,
            ResidentName = residentName,
            PersonId = personId,
            Reason = reason,
            StartedAt = now,
            LastActivityAt = now,
        };
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        database.Set<AssistSession>().Add(session);
        database.Set<AuditEntry>().Add(Entry(session, AuditKind.AssistStarted, "Started helping", now, reason));
        await database.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return session;
    }

    /// <summary>Ends the officer's active session, if any; returns it.</summary>
    public async Task<AssistSession?> EndAsync(string officerUserId, string endReason, CancellationToken cancellationToken = default)
    {
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var session = await database.Set<AssistSession>()
            .Where(s => s.OfficerUserId == officerUserId && s.EndedAt == null)
            .OrderByDescending(s => s.StartedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var idleEnd = session.LastActivityAt + IdleTimeout;
        // A session that went idle ended when it timed out, not when someone noticed.
        session.EndedAt = idleEnd < now ? idleEnd : now;
        session.EndReason = idleEnd < now ? "Timed out" : endReason;
        database.Set<AuditEntry>().Add(Entry(session, AuditKind.AssistEnded, "Stopped helping", session.EndedAt.Value, session.EndReason));
        await database.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return session;
    }

    /// <summary>The officer's session if it is still active; one that has gone idle is ended here.</summary>
    public async Task<AssistSession?> FindActiveAsync(string officerUserId, CancellationToken cancellationToken = default)
    {
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var session = await database.Set<AssistSession>().AsNoTracking()
            .Where(s => s.OfficerUserId == officerUserId && s.EndedAt == null)
            .OrderByDescending(s => s.StartedAt)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (session is not null && session.LastActivityAt + IdleTimeout < time.GetUtcNow().UtcDateTime)
        {
            await EndAsync(officerUserId, "Timed out", cancellationToken).ConfigureAwait(false);
            return null;
        }

        return session;
    }

    public async Task<Viewer?> FindAssistedViewerAsync(string officerUserId, CancellationToken cancellationToken)
    {
        if (await FindActiveAsync(officerUserId, cancellationToken).ConfigureAwait(false) is not { } session)
        {
            return null;
        }

        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var link = await database.TenancyLinks.AsNoTracking()
            .SingleOrDefaultAsync(l => l.UserId == session.ResidentUserId && l.IsActive, cancellationToken).ConfigureAwait(false);
        if (link is null)
        {
            // The resident's account was unlinked mid-session: there is nothing left to show as them.
            await EndAsync(officerUserId, "Account no longer linked", cancellationToken).ConfigureAwait(false);
            return null;
        }

        var email = await database.Users.Where(u => u.Id == session.ResidentUserId).Select(u => u.Email)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return new Viewer(ViewerKind.Resident, session.ResidentUserId, email, link)
        {
            Assist = new AssistInfo(session.Id, session.OfficerUserId, session.OfficerName, session.OfficerEmail, session.ResidentName),
        };
    }

    /// <summary>Records a council API call made in the session and keeps the session alive.</summary>
    public async Task RecordCallAsync(Viewer viewer, CouncilApi.Client.CouncilApiCall apiCall, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(apiCall);
        if (viewer.Assist is not { } assist)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await audit.WriteAsync(new AuditEntry
        {
            At = now,
            Kind = apiCall.IsWrite ? AuditKind.CouncilWrite : AuditKind.CouncilRead,
            UserId = assist.OfficerUserId,
            UserName = assist.OfficerName,
            ResidentUserId = viewer.UserId,
            PersonId = viewer.Link?.PersonId,
            AssistSessionId = assist.SessionId,
            Action = Truncate($"{apiCall.Method.Method} {apiCall.PathAndQuery}", 500),
            StatusCode = apiCall.StatusCode,
            CorrelationId = apiCall.CorrelationId,
        }, cancellationToken).ConfigureAwait(false);
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await database.Set<AssistSession>().Where(s => s.Id == assist.SessionId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastActivityAt, now), cancellationToken).ConfigureAwait(false);
    }

    private static AuditEntry Entry(AssistSession session, AuditKind kind, string action, DateTime at, string? reason) => new()
    {
        At = at,
        Kind = kind,
        UserId = session.OfficerUserId,
        UserName = session.OfficerName,
        ResidentUserId = session.ResidentUserId,
        PersonId = session.PersonId,
        AssistSessionId = session.Id,
        Action = action,
        Reason = reason,
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
