using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HousingSelfService.Web.Features.Repairs.Report.Photos;

/// <summary>
/// A photo added to a repair report, already re-encoded as JPEG without EXIF or location data. It is kept with the
/// draft (so it survives a reload or a new circuit) and sent to the council once the work order exists.
/// </summary>
public sealed class RepairPhoto
{
    public Guid Id { get; set; }
    public Guid DraftId { get; set; }
    /// <summary>The order the resident added it in (1, 2, 3).</summary>
    public int Position { get; set; }
    /// <summary>The name of the file on the resident's phone, for alt text and the check answers page.</summary>
    public required string FileName { get; set; }
    /// <summary>The cleaned JPEG; emptied once the council has it, so we do not keep a second copy.</summary>
    public required byte[] Content { get; set; }
    public required byte[] Thumbnail { get; set; }
    public DateTime AddedAt { get; set; }
    /// <summary>The council's id for the image once uploaded; set means never upload it again.</summary>
    public int? CouncilImageId { get; set; }
}

public sealed class RepairPhotoConfiguration : IEntityTypeConfiguration<RepairPhoto>
{
    public void Configure(EntityTypeBuilder<RepairPhoto> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("RepairPhotos");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.FileName).HasMaxLength(PhotoRules.MaxFileNameLength);
        builder.HasOne<RepairDraft>().WithMany().HasForeignKey(p => p.DraftId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.DraftId, p.Position }).IsUnique();
    }
}
