using HousingSelfService.CouncilApi.Client.Agreements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HousingSelfService.CouncilApi.Agreements;

/// <summary>An arrangement to pay off arrears. Its state (live, breached, completed) is worked out from the rent account when read.</summary>
public sealed class AgreementRecord
{
    public int Id { get; set; }
    public required string TenancyRef { get; set; }
    public required string AgreementType { get; set; }
    public decimal StartingBalance { get; set; }
    public decimal Amount { get; set; }
    public AgreementFrequency Frequency { get; set; }
    public DateOnly StartDate { get; set; }
    public string? Notes { get; set; }
    public bool Cancelled { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

internal sealed class AgreementRecordConfiguration : IEntityTypeConfiguration<AgreementRecord>
{
    public void Configure(EntityTypeBuilder<AgreementRecord> builder)
    {
        builder.ToTable("Agreements");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.TenancyRef);
        builder.Property(a => a.Frequency).HasConversion<string>();
    }
}
