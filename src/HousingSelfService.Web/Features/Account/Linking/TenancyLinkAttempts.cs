using HousingSelfService.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HousingSelfService.Web.Features.Account.Linking;

/// <summary>A user's failed attempts to link a tenancy, kept so three failures lock linking for a while.</summary>
public sealed class TenancyLinkAttempts
{
    public required string UserId { get; set; }
    public int FailedCount { get; set; }
    /// <summary>Until when (UTC) linking is locked, if it is.</summary>
    public DateTime? LockedUntil { get; set; }
}

internal sealed class TenancyLinkAttemptsConfiguration : IEntityTypeConfiguration<TenancyLinkAttempts>
{
    public void Configure(EntityTypeBuilder<TenancyLinkAttempts> builder)
    {
        builder.ToTable("TenancyLinkAttempts");
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasOne<HousingUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
