using System.Text.Json.Serialization;

namespace HousingSelfService.CouncilApi.Client.ContactDetails;

public enum ContactTargetType
{
    [JsonStringEnumMemberName("person")] Person,
    [JsonStringEnumMemberName("organisation")] Organisation,
}

public enum ContactType
{
    [JsonStringEnumMemberName("phone")] Phone,
    [JsonStringEnumMemberName("email")] Email,
    [JsonStringEnumMemberName("address")] Address,
}

public enum ContactSubType
{
    [JsonStringEnumMemberName("mobile")] Mobile,
    [JsonStringEnumMemberName("home")] Home,
    [JsonStringEnumMemberName("work")] Work,
    [JsonStringEnumMemberName("other")] Other,
    [JsonStringEnumMemberName("landline")] Landline,
    [JsonStringEnumMemberName("correspondenceAddress")] CorrespondenceAddress,
    [JsonStringEnumMemberName("emergencyContact")] EmergencyContact,
}

public sealed record ContactDetailsResponse(IReadOnlyList<ContactDetail> Results);

public sealed record ContactDetail
{
    public required Guid Id { get; init; }
    public required Guid TargetId { get; init; }
    public ContactTargetType TargetType { get; init; }
    public required ContactInformation ContactInformation { get; init; }
    public bool IsActive { get; init; }
    public CreatedBy? CreatedBy { get; init; }
    public DateTime? LastModified { get; init; }
    /// <summary>The record's version; send it back as <c>If-Match</c> to change or remove the record.</summary>
    public int VersionNumber { get; init; }
}

public sealed record ContactInformation
{
    public ContactType ContactType { get; init; }
    public ContactSubType? SubType { get; init; }
    public required string Value { get; init; }
    public string? Description { get; init; }
    public AddressExtended? AddressExtended { get; init; }
}

public sealed record AddressExtended(string? Uprn, string? AddressLine1, string? AddressLine2, string? AddressLine3,
    string? AddressLine4, string? PostCode);

public sealed record CreatedBy(DateTime CreatedAt, string FullName, string? EmailAddress);

public sealed record CreateContactDetailRequest
{
    public required Guid TargetId { get; init; }
    public ContactTargetType TargetType { get; init; } = ContactTargetType.Person;
    public required ContactInformation ContactInformation { get; init; }
}

public sealed record UpdateContactDetailRequest(ContactInformation ContactInformation);
