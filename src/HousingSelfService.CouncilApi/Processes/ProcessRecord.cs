using HousingSelfService.CouncilApi.Client.Processes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HousingSelfService.CouncilApi.Processes;

/// <summary>A tenancy process (a resident's request) and where it has got to. Form data and history are JSON.</summary>
public sealed class ProcessRecord
{
    public Guid Id { get; set; }
    public required string ProcessName { get; set; }
    public Guid TargetId { get; set; }
    public required string TargetType { get; set; }
    public required string FormDataJson { get; set; }
    public required string DocumentsJson { get; set; }
    public required string RelatedEntitiesJson { get; set; }
    public required string State { get; set; }
    public DateTime StateCreatedAt { get; set; }
    public DateTime StateUpdatedAt { get; set; }
    /// <summary>Earlier states, oldest first, as a JSON array of <see cref="ProcessState"/>.</summary>
    public required string PreviousStatesJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedByName { get; set; }
    public string? CreatedByEmail { get; set; }
    public int Version { get; set; }

    /// <summary>The short reference residents quote on the phone: taken from the id, so it needs no counter.</summary>
    public string Reference => "TP-" + Id.ToString("N")[..8].ToUpperInvariant();
}

public sealed class ProcessRecordConfiguration : IEntityTypeConfiguration<ProcessRecord>
{
    public void Configure(EntityTypeBuilder<ProcessRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Processes");
        builder.HasIndex(p => p.TargetId);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Reference);
    }
}

/// <summary>Which trigger moves a request from which state to which. Residents may withdraw until a decision is made.</summary>
public static class ProcessStateMachine
{
    private static readonly Dictionary<(string From, string Trigger), string> Moves = new()
    {
        [(ProcessStates.Submitted, ProcessTriggers.StartReview)] = ProcessStates.UnderReview,
        [(ProcessStates.Submitted, ProcessTriggers.Withdraw)] = ProcessStates.Withdrawn,
        [(ProcessStates.UnderReview, ProcessTriggers.RequestMoreInformation)] = ProcessStates.MoreInformationNeeded,
        [(ProcessStates.UnderReview, ProcessTriggers.Approve)] = ProcessStates.Approved,
        [(ProcessStates.UnderReview, ProcessTriggers.Decline)] = ProcessStates.Declined,
        [(ProcessStates.UnderReview, ProcessTriggers.Withdraw)] = ProcessStates.Withdrawn,
        [(ProcessStates.MoreInformationNeeded, ProcessTriggers.StartReview)] = ProcessStates.UnderReview,
        [(ProcessStates.MoreInformationNeeded, ProcessTriggers.Withdraw)] = ProcessStates.Withdrawn,
    };

    public static IReadOnlyList<string> PermittedTriggers(string state) =>
        [.. Moves.Keys.Where(k => k.From == state).Select(k => k.Trigger)];

    public static string? Next(string state, string trigger) =>
        Moves.FirstOrDefault(m => m.Key.From == state && string.Equals(m.Key.Trigger, trigger, StringComparison.OrdinalIgnoreCase)).Value;
}
