namespace HousingSelfService.CouncilApi.Client.Repairs;

public enum RepairType { Tenant, Communal }

/// <summary>Where triage stops without an online booking.</summary>
public enum TriageExit { Emergency, UnableToBook, NotEligible }

/// <summary>
/// One node of the triage tree (room → problem → issue). A leaf carries an SOR code and a priority,
/// or an early <see cref="Exit"/> instead.
/// </summary>
public sealed record TriageOption
{
    public required string Value { get; init; }
    public required string Display { get; init; }
    public string? SorCode { get; init; }
    public int? Priority { get; init; }
    public TriageExit? Exit { get; init; }
    public IReadOnlyList<TriageOption> Options { get; init; } = [];
}
