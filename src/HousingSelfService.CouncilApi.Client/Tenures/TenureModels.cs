using System.Text.Json.Serialization;

namespace HousingSelfService.CouncilApi.Client.Tenures;

public enum HouseholdMemberType { Person, Organisation }

public enum PersonTenureType { Tenant, Leaseholder, Freeholder, HouseholdMember, Occupant }

public sealed record TenureResponse
{
    public required Guid Id { get; init; }
    public required string PaymentReference { get; init; }
    public required IReadOnlyList<HouseholdMember> HouseholdMembers { get; init; }
    public required TenuredAsset TenuredAsset { get; init; }
    public TenureCharges? Charges { get; init; }
    public DateTime? StartOfTenureDate { get; init; }
    public DateTime? EndOfTenureDate { get; init; }
    public required TenureType TenureType { get; init; }
    public bool IsActive { get; init; }
    public IReadOnlyList<TenureNotice> Notices { get; init; } = [];
    public IReadOnlyList<LegacyReference> LegacyReferences { get; init; } = [];
}

public sealed record HouseholdMember
{
    public required Guid Id { get; init; }
    public HouseholdMemberType Type { get; init; }
    public required string FullName { get; init; }
    public bool IsResponsible { get; init; }
    public DateTime? DateOfBirth { get; init; }
    public PersonTenureType PersonTenureType { get; init; }
}

public sealed record TenuredAsset
{
    public required Guid Id { get; init; }
    public string? Type { get; init; }
    public required string FullAddress { get; init; }
    public string? Uprn { get; init; }
    public required string PropertyReference { get; init; }
}

/// <summary>Charges per billing period. <see cref="CurrentBalance"/> positive means arrears.</summary>
public sealed record TenureCharges
{
    public decimal Rent { get; init; }
    public decimal ServiceCharge { get; init; }
    public decimal OtherCharges { get; init; }
    public decimal CurrentBalance { get; init; }
    public required string BillingFrequency { get; init; }
}

/// <summary>Tenure type, e.g. SEC Secure, INT Introductory, LEA Leasehold (RTB).</summary>
public sealed record TenureType(string Code, string Description)
{
    public static readonly TenureType Secure = new("SEC", "Secure");
    public static readonly TenureType Introductory = new("INT", "Introductory");
    public static readonly TenureType Leasehold = new("LEA", "Leasehold (RTB)");
    public static readonly TenureType NonSecure = new("NON", "Non-Secure");
    public static readonly TenureType TemporaryBedAndBreakfast = new("TBB", "Temp B&B");
    public static readonly TenureType SharedOwners = new("SHO", "Shared Owners");
}

public sealed record TenureNotice(string Type, DateTime? ServedDate, DateTime? ExpiryDate, DateTime? EffectiveDate, DateTime? EndDate);

public sealed record LegacyReference(string Name, string Value);

/// <summary>Body of <c>PATCH /api/v1/tenures/{id}/person/{personId}</c>: adds or updates a household member.</summary>
public sealed record UpdateTenureForPersonRequest
{
    public required string FullName { get; init; }
    public bool? IsResponsible { get; init; }
    public DateTime? DateOfBirth { get; init; }
    public HouseholdMemberType? Type { get; init; }
    [JsonPropertyName("personTenureType")]
    public PersonTenureType? PersonTenureType { get; init; }
}
