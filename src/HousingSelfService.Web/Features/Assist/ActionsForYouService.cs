using HousingSelfService.Web.Infrastructure;

namespace HousingSelfService.Web.Features.Assist;

/// <summary>One time the council acted for the resident: who, when, why, and what they looked at and changed (plain words).</summary>
public sealed record CouncilVisit(DateTime At, string OfficerName, string? Reason, IReadOnlyList<string> Changes, IReadOnlyList<string> LookedAt);

/// <summary>"Actions taken for you by the council": the signed-in resident's own audit entries, never anyone else's.</summary>
public sealed class ActionsForYouService(CurrentResident currentResident, AuditTrail audit)
{
    /// <summary>Newest first; null when nobody is signed in.</summary>
    public async Task<IReadOnlyList<CouncilVisit>?> LoadAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await currentResident.GetAsync(cancellationToken).ConfigureAwait(false);
        if (viewer.UserId is not { } userId || viewer.Kind is ViewerKind.Anonymous or ViewerKind.Officer)
        {
            return null;
        }

        var entries = await audit.ForResidentAsync(userId, cancellationToken).ConfigureAwait(false);
        return [.. entries
            .GroupBy(e => e.AssistSessionId ?? Guid.Empty)
            .SelectMany(group => group.Key == Guid.Empty ? group.Select(e => VisitOf([e])) : [VisitOf([.. group])])
            .OrderByDescending(v => v.At)];
    }

    private static CouncilVisit VisitOf(IReadOnlyList<AuditEntry> entries)
    {
        var ordered = entries.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        var start = ordered.FirstOrDefault(e => e.Kind == AuditKind.AssistStarted) ?? ordered[0];
        var changes = ordered
            .Where(e => e.Kind is AuditKind.CouncilWrite or AuditKind.AccountLinked && IsSuccess(e))
            .Select(e => e.Kind == AuditKind.AccountLinked ? "Linked your account to your tenancy" : ActionWording.Change(e.Action))
            .ToList();
        var lookedAt = ordered
            .Where(e => e.Kind == AuditKind.CouncilRead)
            .Select(e => ActionWording.Area(e.Action))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new CouncilVisit(start.At, start.UserName, start.Reason, changes, lookedAt);
    }

    private static bool IsSuccess(AuditEntry entry) => entry.StatusCode is null or (>= 200 and < 300);
}

/// <summary>Council API calls described for residents, from the method and path the audit trail keeps.</summary>
public static class ActionWording
{
    private static readonly (string Prefix, string Area)[] Areas =
    [
        ("/api/v1/tenures", "your tenancy details"),
        ("/api/v1/persons", "your personal details"),
        ("/api/v2/contactDetails", "your contact details"),
        ("/api/v1/contactDetails", "your contact details"),
        ("/api/v1/assets", "your home's details"),
        ("/api/v2/properties", "your home's details"),
        ("/api/v2/workOrders", "your repairs"),
        ("/api/v2/workOrderComplete", "your repairs"),
        ("/api/v2/appointments", "your repair appointments"),
        ("/api/v1/accounts", "your rent account"),
        ("/api/v1/transactions", "your rent payments"),
    ];

    /// <summary>What part of the resident's records a call touched, e.g. "your rent account".</summary>
    public static string Area(string action)
    {
        var path = PathOf(action);
        return Areas.FirstOrDefault(a => path.StartsWith(a.Prefix, StringComparison.OrdinalIgnoreCase)).Area ?? "your council records";
    }

    /// <summary>A change in plain words, e.g. "Reported a repair".</summary>
    public static string Change(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var method = action.Split(' ', 2)[0].ToUpperInvariant();
        var path = PathOf(action);
        return (method, path) switch
        {
            ("POST", _) when path.StartsWith("/api/v2/workOrders/schedule", StringComparison.OrdinalIgnoreCase) => "Reported a repair",
            ("POST", _) when path.StartsWith("/api/v2/appointments", StringComparison.OrdinalIgnoreCase) => "Booked a repair appointment",
            ("POST", _) when path.StartsWith("/api/v2/workOrderComplete", StringComparison.OrdinalIgnoreCase) => "Cancelled a repair",
            ("POST", _) when path.Contains("contactDetails", StringComparison.OrdinalIgnoreCase) => "Added contact details",
            ("DELETE", _) when path.Contains("contactDetails", StringComparison.OrdinalIgnoreCase) => "Removed contact details",
            _ => $"Changed {Area(action)}",
        };
    }

    private static string PathOf(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var path = action.Split(' ', 2) is [_, var rest] ? rest : action;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? path : path[..query];
    }
}
