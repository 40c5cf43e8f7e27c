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

public sealed record RepairDetail(RepairSummary Summary, string? Trade, string Priority, DateOnly? LastUpdated, IReadOnlyList<RepairNote>? Notes)
{
    public bool CanChangeAppointment { get; init; }
    public bool CanCancel { get; init; }
    /// <summary>The photos sent with the report; null when the council API could not list them.</summary>
    public IReadOnlyList<CouncilApi.Client.Repairs.WorkOrderImage>? Photos { get; init; }
}

/// <summary>A repair photo's bytes, served only after the repair was found to be the resident's own.</summary>
public sealed record RepairPhotoFile(byte[] Content, string ContentType);

public sealed record RepairList(RepairLookup Outcome, IReadOnlyList<RepairSummary> Repairs);

/// <summary>A repair the resident may move, and the times they may move it to (none when <see cref="NotAllowed"/>).</summary>
public sealed record RebookChoice(RepairLookup Outcome, CouncilApi.Client.Repairs.WorkOrder? WorkOrder, Report.SlotChoice? Slots)
{
    public bool NotAllowed { get; init; }
}

public enum RepairChangeOutcome { Done, Invalid, NotFound, NotAllowed, SlotTaken, Unavailable }

public sealed record RepairNote(DateOnly Date, string Text);
