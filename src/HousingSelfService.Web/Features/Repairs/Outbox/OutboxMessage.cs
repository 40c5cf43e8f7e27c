using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HousingSelfService.Web.Features.Repairs.Outbox;

/// <summary>
/// A repair report the council API could not take at submit time. Written in the same transaction as the
/// draft's "received" state; the <see cref="RepairOutboxSender"/> delivers it later with the draft's
/// Idempotency-Key, so a delivery repeated after a crash still raises one work order.
/// </summary>
public sealed class OutboxMessage : IOutboxRow
{
    public Guid Id { get; set; }
    public Guid DraftId { get; set; }
    /// <summary>The <c>workOrders/schedule</c> body as JSON, fixed at submit time so every attempt sends the same request.</summary>
    public required string Payload { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>Who holds the row and until when: a sender claims a row with <see cref="OutboxClaim"/>, so only one instance sends it.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public string? LastError { get; set; }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var message = builder;
        message.ToTable("RepairOutbox");
        message.HasKey(m => m.Id);
        message.Property(m => m.LeaseOwner).HasMaxLength(100);
        message.Property(m => m.LastError).HasMaxLength(500);
        message.HasOne<Report.RepairDraft>().WithMany().HasForeignKey(m => m.DraftId).OnDelete(DeleteBehavior.Cascade);
        message.HasIndex(m => m.DraftId).IsUnique();
        message.HasIndex(m => m.DeliveredAt);
    }
}
