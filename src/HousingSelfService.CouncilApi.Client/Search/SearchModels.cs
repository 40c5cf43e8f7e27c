using HousingSelfService.CouncilApi.Client.Tenures;

namespace HousingSelfService.CouncilApi.Client.Search;

/// <summary>The housing search envelope: <c>{results: {persons|tenures: [...]}, total}</c>; total counts every match, not just this page.</summary>
public sealed record SearchResponse<TResults>(TResults Results, int Total);

public sealed record PersonSearchResults(IReadOnlyList<PersonSearchResult> Persons);

public sealed record TenureSearchResults(IReadOnlyList<TenureSearchResult> Tenures);

/// <summary>A person as housing search returns them (note Hackney's spelling: <c>firstname</c>, <c>preferredFirstname</c>).</summary>
public sealed record PersonSearchResult
{
    public required Guid Id { get; init; }
    public string? Title { get; init; }
    public required string Firstname { get; init; }
    public string? MiddleName { get; init; }
    public required string Surname { get; init; }
    public string? PreferredFirstname { get; init; }
    public string? PreferredSurname { get; init; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? DateOfBirth { get; init; }
    public IReadOnlyList<string> PersonTypes { get; init; } = [];
    public IReadOnlyList<PersonSearchTenure> Tenures { get; init; } = [];
}

public sealed record PersonSearchTenure
{
    public required Guid Id { get; init; }
    public string? Type { get; init; }
    public decimal TotalBalance { get; init; }
    public string? StartDate { get; init; }
    public string? EndDate { get; init; }
    public required string AssetFullAddress { get; init; }
    public string? PostCode { get; init; }
    public required string PaymentReference { get; init; }
    public bool IsActive { get; init; }
}

public sealed record TenureSearchResult
{
    public required Guid Id { get; init; }
    public required string PaymentReference { get; init; }
    public IReadOnlyList<TenureSearchMember> HouseholdMembers { get; init; } = [];
    public required TenureSearchAsset TenuredAsset { get; init; }
    public string? StartOfTenureDate { get; init; }
    public string? EndOfTenureDate { get; init; }
    public required TenureType TenureType { get; init; }
    public bool IsActive { get; init; }
}

public sealed record TenureSearchMember
{
    public required Guid Id { get; init; }
    public required string FullName { get; init; }
    public bool IsResponsible { get; init; }
    public PersonTenureType PersonTenureType { get; init; }
}

public sealed record TenureSearchAsset
{
    public required Guid Id { get; init; }
    public required string FullAddress { get; init; }
    public string? Uprn { get; init; }
    public string? Type { get; init; }
}
