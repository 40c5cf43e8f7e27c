using HousingSelfService.CouncilApi.Client.DirectDebits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HousingSelfService.CouncilApi.DirectDebits;

/// <summary>A Direct Debit mandate. The full account number is never stored: only its last 4 digits.</summary>
public sealed class DirectDebitRecord
{
    public Guid Id { get; set; }
    public Guid TenureId { get; set; }
    public required string AccountHolder { get; set; }
    public required string SortCode { get; set; }
    public required string AccountNumberEnding { get; set; }
    public int CollectionDay { get; set; }
    public decimal Amount { get; set; }
    public MandateStatus Status { get; set; }
    public DateOnly FirstCollectionDate { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? CancelledAt { get; set; }
}

internal sealed class DirectDebitRecordConfiguration : IEntityTypeConfiguration<DirectDebitRecord>
{
    public void Configure(EntityTypeBuilder<DirectDebitRecord> builder)
    {
        builder.ToTable("DirectDebits");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => d.TenureId);
        builder.Property(d => d.Status).HasConversion<string>();
        builder.Property(d => d.AccountNumberEnding).HasMaxLength(4);
    }
}
