namespace HousingSelfService.CouncilApi.Client.Persons;

public enum PersonType { Tenant, HouseholdMember, Leaseholder, Freeholder, Occupant, HousingOfficer, HousingAreaManager }

public sealed record PersonResponse
{
    public required Guid Id { get; init; }
    public string? Title { get; init; }
    public string? PreferredTitle { get; init; }
    public required string FirstName { get; init; }
    public string? MiddleName { get; init; }
    public required string Surname { get; init; }
    public string? PreferredFirstName { get; init; }
    public string? PreferredSurname { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public IReadOnlyList<PersonType> PersonTypes { get; init; } = [];
    public IReadOnlyList<PersonTenure> Tenures { get; init; } = [];
}

public sealed record PersonTenure
{
    public required Guid Id { get; init; }
    public required string AssetFullAddress { get; init; }
    public string? AssetId { get; init; }
    public string? StartDate { get; init; }
    public string? EndDate { get; init; }
    public string? Type { get; init; }
    public string? PaymentReference { get; init; }
    public string? PropertyReference { get; init; }
    public bool IsActive { get; init; }
}

/// <summary>Partial update: only the properties that are set are sent, and only those change.</summary>
public sealed record UpdatePersonRequest
{
    public string? PreferredTitle { get; init; }
    public string? PreferredFirstName { get; init; }
    public string? PreferredSurname { get; init; }
}
