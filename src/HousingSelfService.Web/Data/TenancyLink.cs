namespace HousingSelfService.Web.Data;

/// <summary>How a resident's account came to be linked to their council records.</summary>
public enum TenancyLinkMethod
{
    /// <summary>The resident proved who they are (payment reference, date of birth, postcode).</summary>
    Verified,
    /// <summary>An officer linked the account.</summary>
    Officer,
    /// <summary>Seeded demo sign-in.</summary>
    Demo,
}

/// <summary>
/// The link from a resident's account to their council records. Every feature asks this link, never a URL
/// parameter, whose tenancy it may touch. A user has at most one active link.
/// </summary>
public sealed class TenancyLink
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public HousingUser? User { get; set; }
    public required Guid PersonId { get; set; }
    public required Guid TenureId { get; set; }
    public required string PaymentReference { get; set; }
    public required string PropertyReference { get; set; }
    /// <summary>When the link was made (UTC).</summary>
    public DateTime LinkedAt { get; set; }
    public TenancyLinkMethod LinkedHow { get; set; }
    /// <summary>Who made the link: the resident themselves, an officer's user id, or "demo-seed".</summary>
    public required string LinkedBy { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>When the link was ended (UTC), if it has been.</summary>
    public DateTime? EndedAt { get; set; }
}
