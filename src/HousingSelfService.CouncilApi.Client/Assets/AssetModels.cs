namespace HousingSelfService.CouncilApi.Client.Assets;

public enum AssetType { Flat, House, Dwelling, StudioFlat, SelfContainedBedsit, Maisonette, Block, LowRiseBlock, HighRiseBlock, Estate }

public sealed record AssetResponse
{
    public required Guid Id { get; init; }
    /// <summary>The property reference, e.g. <c>00012345</c>.</summary>
    public required string AssetId { get; init; }
    public AssetType AssetType { get; init; }
    public required AssetAddress AssetAddress { get; init; }
    public AssetManagement AssetManagement { get; init; } = new();
    public AssetCharacteristics AssetCharacteristics { get; init; } = new();
    public AssetTenure? Tenure { get; init; }
    public int VersionNumber { get; init; }
}

public sealed record AssetAddress(string? Uprn, string AddressLine1, string? AddressLine2, string? AddressLine3, string? AddressLine4, string PostCode);

public sealed record AssetManagement
{
    public bool IsTMOManaged { get; init; }
    public string? ManagingOrganisation { get; init; }
    public string? AreaOfficeName { get; init; }
    public bool IsCouncilProperty { get; init; } = true;
}

public sealed record AssetCharacteristics
{
    public int? NumberOfBedrooms { get; init; }
    public int? NumberOfLifts { get; init; }
    public bool? IsStepFree { get; init; }
    public bool? HasStairs { get; init; }
    public int? YearConstructed { get; init; }
}

public sealed record AssetTenure(string Id, string PaymentReference, string Type, bool IsActive);
