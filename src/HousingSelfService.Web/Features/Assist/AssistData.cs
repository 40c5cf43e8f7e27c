using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HousingSelfService.Web.Features.Assist;

/// <summary>
/// An officer helping a resident (on the phone or at a desk): while it is active, the officer sees the resident's
/// pages as the resident would. Kept in the database so it survives reconnects; ended by the officer, by signing out,
/// or by going idle.
/// </summary>
public sealed class AssistSession
{
    public Guid Id { get; set; }
    public required string OfficerUserId { get; set; }
    public required string OfficerName { get; set; }
    public string? OfficerEmail { get; set; }
    public required string ResidentUserId { get; set; }
    public required string ResidentName { get; set; }
    public Guid PersonId { get; set; }
    public required string Reason { get; set; }
    public DateTime StartedAt { get; set; }
    /// <summary>Moved on by every council API call in the session; the idle time-out counts from here.</summary>
    public DateTime LastActivityAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? EndReason { get; set; }
}

/// <summary>What an audit entry records.</summary>
public enum AuditKind
{
    AssistStarted,
    AssistEnded,
    CouncilRead,
    CouncilWrite,
    /// <summary>An officer linked a resident's app account to a tenancy.</summary>
    AccountLinked,
    /// <summary>Someone who is not an officer tried to open an officer page.</summary>
    OfficerPageRefused,
}

/// <summary>
/// One line of the audit trail: who did what, for which resident, when, under which correlation id. Written only,
/// never changed.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public AuditKind Kind { get; set; }
    /// <summary>Who did it: the officer (or, for a refused page, whoever tried).</summary>
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    /// <summary>The resident's app account it was done for, if any. Residents see their own entries.</summary>
    public string? ResidentUserId { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? AssistSessionId { get; set; }
    /// <summary>For API calls, the method and path (<c>GET /api/v1/tenures/…</c>); for other entries, the page or link.</summary>
    public required string Action { get; set; }
    public string? Reason { get; set; }
    public int? StatusCode { get; set; }
    public string? CorrelationId { get; set; }
}

internal sealed class AssistSessionConfiguration : IEntityTypeConfiguration<AssistSession>
{
    public void Configure(EntityTypeBuilder<AssistSession> builder)
    {
        builder.ToTable("AssistSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.OfficerUserId).HasMaxLength(450);
        builder.Property(s => s.OfficerName).HasMaxLength(256);
        builder.Property(s => s.OfficerEmail).HasMaxLength(256);
        builder.Property(s => s.ResidentUserId).HasMaxLength(450);
        builder.Property(s => s.ResidentName).HasMaxLength(256);
        builder.Property(s => s.Reason).HasMaxLength(AssistLimits.ReasonLength);
        builder.Property(s => s.EndReason).HasMaxLength(50);
        builder.HasIndex(s => new { s.OfficerUserId, s.EndedAt });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.ResidentUserId).HasMaxLength(450);
        builder.Property(e => e.Action).HasMaxLength(500);
        builder.Property(e => e.Reason).HasMaxLength(AssistLimits.ReasonLength);
        builder.Property(e => e.CorrelationId).HasMaxLength(100);
        builder.HasIndex(e => new { e.ResidentUserId, e.At });
        builder.HasIndex(e => e.AssistSessionId);
    }
}

public static class AssistLimits
{
    public const int ReasonLength = 500;
}
