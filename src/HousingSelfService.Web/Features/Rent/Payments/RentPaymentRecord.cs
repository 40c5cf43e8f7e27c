using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HousingSelfService.Web.Features.Rent.Payments;

/// <summary>
/// A card payment the resident started: our own id (also the Idempotency-Key and the return address), and the
/// provider's payment id. The return page finds the payment through this row, so it only ever shows the resident's own.
/// </summary>
public sealed class RentPaymentRecord
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public Guid TenureId { get; set; }
    public required string PaymentId { get; set; }
    public int AmountInPence { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class RentPaymentRecordConfiguration : IEntityTypeConfiguration<RentPaymentRecord>
{
    public void Configure(EntityTypeBuilder<RentPaymentRecord> builder)
    {
        builder.ToTable("RentPayments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.PaymentId).HasMaxLength(64);
        builder.HasIndex(p => p.UserId);
    }
}
