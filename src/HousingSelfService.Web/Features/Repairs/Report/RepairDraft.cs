using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HousingSelfService.Web.Features.Repairs.Report;

/// <summary>Where a report is: being filled in, received (waiting in the outbox for the council) or sent.</summary>
public enum RepairDraftState { Started, Received, Sent }

public enum EmergencyAnswer { Gas, OtherEmergency, NotEmergency }

public enum ConfirmationChannel { Text, Email }

/// <summary>
/// A resident's repair report, saved after every answer so it survives a reload, a dropped connection or an
/// evicted circuit. The Idempotency-Key is made when the report starts, so however often it is submitted, the
/// council raises one work order.
/// </summary>
public sealed class RepairDraft
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string PropertyReference { get; set; }
    public required string IdempotencyKey { get; set; }
    public RepairDraftState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public EmergencyAnswer? Emergency { get; set; }
    public RepairType? RepairType { get; set; }
    /// <summary>The triage answers so far, as option values joined by '/'.</summary>
    public string? TriagePath { get; set; }
    public string? SorCode { get; set; }
    public int? Priority { get; set; }
    /// <summary>The chosen issue in words, e.g. "Kitchen: Sink: Taps dripping or loose".</summary>
    public string? Issue { get; set; }
    /// <summary>For a shared-area repair, the resident's block: the work order is raised against it, not their flat.</summary>
    public string? BlockReference { get; set; }

    public string? Description { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public ConfirmationChannel? ConfirmBy { get; set; }
    public string? ContactEmail { get; set; }
    public string? AccessNotes { get; set; }

    public string? SlotReference { get; set; }
    public DateOnly? SlotDate { get; set; }
    public string? SlotStart { get; set; }
    public string? SlotEnd { get; set; }

    /// <summary>Our own reference, given at once even when the council system is down.</summary>
    public string? LocalReference { get; set; }
    public int? WorkOrderReference { get; set; }
    public bool AppointmentBooked { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? ConfirmationSentAt { get; set; }
    /// <summary>When to try the confirmation again after Notify failed for a while (rate limit, outage); null when nothing is due.</summary>
    public DateTime? ConfirmationRetryAt { get; set; }
    public int ConfirmationAttempts { get; set; }

    public IReadOnlyList<string> TriageValues => string.IsNullOrEmpty(TriagePath) ? [] : TriagePath.Split('/');

    /// <summary>Forgets the chosen visit time (it was taken, or no longer fits the repair's priority).</summary>
    public void ClearSlot()
    {
        SlotReference = null;
        SlotDate = null;
        SlotStart = null;
        SlotEnd = null;
    }
}

public sealed class RepairDraftConfiguration : IEntityTypeConfiguration<RepairDraft>
{
    public void Configure(EntityTypeBuilder<RepairDraft> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var draft = builder;
        draft.ToTable("RepairDrafts");
        draft.HasKey(d => d.Id);
        draft.Property(d => d.UserId).HasMaxLength(450);
        draft.Property(d => d.PropertyReference).HasMaxLength(20);
        draft.Property(d => d.IdempotencyKey).HasMaxLength(64);
        draft.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        draft.Property(d => d.Emergency).HasConversion<string>().HasMaxLength(20);
        draft.Property(d => d.RepairType).HasConversion<string>().HasMaxLength(20);
        draft.Property(d => d.TriagePath).HasMaxLength(200);
        draft.Property(d => d.SorCode).HasMaxLength(20);
        draft.Property(d => d.Issue).HasMaxLength(300);
        draft.Property(d => d.BlockReference).HasMaxLength(20);
        draft.Property(d => d.Description).HasMaxLength(ReportRules.MaxDescriptionLength);
        draft.Property(d => d.ContactName).HasMaxLength(ReportRules.MaxNameLength);
        draft.Property(d => d.ContactPhone).HasMaxLength(30);
        draft.Property(d => d.ConfirmBy).HasConversion<string>().HasMaxLength(10);
        draft.Property(d => d.ContactEmail).HasMaxLength(256);
        draft.Property(d => d.AccessNotes).HasMaxLength(ReportRules.MaxAccessNotesLength);
        draft.Property(d => d.SlotReference).HasMaxLength(40);
        draft.Property(d => d.SlotStart).HasMaxLength(5);
        draft.Property(d => d.SlotEnd).HasMaxLength(5);
        draft.Property(d => d.LocalReference).HasMaxLength(20);
        draft.HasIndex(d => d.LocalReference).IsUnique();
        draft.HasIndex(d => d.IdempotencyKey).IsUnique();
        draft.HasIndex(d => d.ConfirmationRetryAt);
        draft.HasOne<HousingUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        // One report in progress per user, so "continue your repair report" always means the same one.
        draft.HasIndex(d => d.UserId).IsUnique().HasFilter("\"State\" = 'Started'").HasDatabaseName("IX_RepairDrafts_StartedUser");
        draft.Ignore(d => d.TriageValues);
    }
}
