using HousingSelfService.CouncilApi.Client.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HousingSelfService.CouncilApi.Payments;

/// <summary>A card payment taken through the reference API's own hosted card page.</summary>
public sealed class PaymentRecord
{
    public required string PaymentId { get; set; }
    /// <summary>In pence, as GOV.UK Pay counts money.</summary>
    public int Amount { get; set; }
    /// <summary>The rent account's payment reference the payment is credited to.</summary>
    public required string Reference { get; set; }
    public required string Description { get; set; }
    public required string ReturnUrl { get; set; }
    public PaymentStatus Status { get; set; }
    public string? Code { get; set; }
    public string? Message { get; set; }
    public DateTime CreatedDate { get; set; }
    public required string CreatedBy { get; set; }
    /// <summary>The rent account transaction a successful payment posted.</summary>
    public Guid? TransactionId { get; set; }

    public bool Finished => Status is PaymentStatus.Success or PaymentStatus.Failed or PaymentStatus.Cancelled or PaymentStatus.Error;
}

internal sealed class PaymentRecordConfiguration : IEntityTypeConfiguration<PaymentRecord>
{
    public void Configure(EntityTypeBuilder<PaymentRecord> builder)
    {
        builder.ToTable("Payments");
        builder.HasKey(p => p.PaymentId);
        builder.HasIndex(p => p.Reference);
        builder.Property(p => p.Status).HasConversion<string>();
    }
}
