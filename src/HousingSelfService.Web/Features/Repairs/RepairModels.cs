using HousingSelfService.Web.Features.Home;

namespace HousingSelfService.Web.Features.Repairs;

public enum RepairLookup { Found, NotFound, Unavailable, NotLinked }

/// <summary>The outcome of looking up one repair. "Not found" covers both unknown references and other households' repairs.</summary>
public sealed record RepairResult(RepairLookup Outcome, RepairDetail? Repair)
{
    public static RepairResult NotFound { get; } = new(RepairLookup.NotFound, null);
    public static RepairResult Unavailable { get; } = new(RepairLookup.Unavailable, null);
    public static RepairResult NotLinked { get; } = new(RepairLookup.NotLinked, null);
}

public sealed record RepairDetail(RepairSummary Summary, string? Trade, string Priority, DateOnly? LastUpdated, IReadOnlyList<RepairNote>? Notes);

public sealed record RepairNote(DateOnly Date, string Text);
