using HousingSelfService.CouncilApi.Client.Assets;
using HousingSelfService.CouncilApi.Client.ContactDetails;
using HousingSelfService.CouncilApi.Client.Finance;
using HousingSelfService.CouncilApi.Client.Tenures;

namespace HousingSelfService.CouncilApi.Data;

public sealed class AssetRecord
{
    public Guid Id { get; set; }
    public required string PropertyReference { get; set; }
    public AssetType AssetType { get; set; }
    public required string Uprn { get; set; }
    public required string AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? AddressLine3 { get; set; }
    public required string PostCode { get; set; }
    public bool IsTmoManaged { get; set; }
    public string? ManagingOrganisation { get; set; }
    public int? NumberOfBedrooms { get; set; }
    public int? NumberOfLifts { get; set; }
    public int? YearConstructed { get; set; }
    /// <summary>The block a flat is in, so communal repairs can be raised against it.</summary>
    public Guid? ParentAssetId { get; set; }
    public int Version { get; set; }

    public string FullAddress => string.Join(", ", new[] { AddressLine1, AddressLine2, AddressLine3, PostCode }.Where(part => !string.IsNullOrEmpty(part)));
}

/// <summary>A cautionary alert on a property (location) or a person.</summary>
public sealed class AlertRecord
{
    public int Id { get; set; }
    public string? PropertyReference { get; set; }
    public Guid? PersonId { get; set; }
    public required string Type { get; set; }
    public required string Comments { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
}

public sealed class PersonRecord
{
    public Guid Id { get; set; }
    public string? Title { get; set; }
    public string? PreferredTitle { get; set; }
    public required string FirstName { get; set; }
    public string? MiddleName { get; set; }
    public required string Surname { get; set; }
    public string? PreferredFirstName { get; set; }
    public string? PreferredSurname { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public int Version { get; set; }
}

public sealed class TenureRecord
{
    public Guid Id { get; set; }
    public required string PaymentReference { get; set; }
    public Guid AssetId { get; set; }
    public required string TenureTypeCode { get; set; }
    public DateTime StartOfTenureDate { get; set; }
    public DateTime? EndOfTenureDate { get; set; }
    public bool IsActive { get; set; }
    public decimal Rent { get; set; }
    public decimal ServiceCharge { get; set; }
    public decimal OtherCharges { get; set; }
    /// <summary>The rent account's running balance after its latest transaction; positive is arrears.</summary>
    public decimal Balance { get; set; }
    public Guid AccountId { get; set; }
    public int Version { get; set; }
    public List<TenureMemberRecord> Members { get; set; } = [];
}

public sealed class TenureMemberRecord
{
    public int Id { get; set; }
    public Guid TenureId { get; set; }
    public Guid PersonId { get; set; }
    public required string FullName { get; set; }
    public bool IsResponsible { get; set; }
    public DateTime? DateOfBirth { get; set; }
    public HouseholdMemberType Type { get; set; }
    public PersonTenureType PersonTenureType { get; set; }
}

public sealed class ContactDetailRecord
{
    public Guid Id { get; set; }
    public Guid TargetId { get; set; }
    public ContactTargetType TargetType { get; set; }
    public ContactType ContactType { get; set; }
    public ContactSubType? SubType { get; set; }
    public required string Value { get; set; }
    public string? Description { get; set; }
    public bool IsActive { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedByName { get; set; }
    public string? CreatedByEmail { get; set; }
    public DateTime LastModified { get; set; }
    public int Version { get; set; }
}

public sealed class WorkOrderRecord
{
    public int Reference { get; set; }
    public DateTime DateRaised { get; set; }
    public DateTime LastUpdated { get; set; }
    public int PriorityCode { get; set; }
    public required string PropertyReference { get; set; }
    public required string Description { get; set; }
    public DateTime Target { get; set; }
    public int StatusCode { get; set; }
    public required string SorCode { get; set; }
    public string? TradeDescription { get; set; }
    public string? LocationOfRepair { get; set; }
    public string? AccessInformation { get; set; }
    public string? CallerName { get; set; }
    public string? CallerNumber { get; set; }
    public DateOnly? AppointmentDate { get; set; }
    /// <summary>The day id of the booked slot: see <see cref="Repairs.AppointmentSlots"/>.</summary>
    public int? AppointmentDayId { get; set; }
    public required string CreatedBy { get; set; }
    public List<WorkOrderNoteRecord> Notes { get; set; } = [];
}

public sealed class WorkOrderNoteRecord
{
    public int Id { get; set; }
    public int WorkOrderReference { get; set; }
    public required string Note { get; set; }
    public DateTime Time { get; set; }
    public required string User { get; set; }
}

public sealed class TransactionRecord
{
    public Guid Id { get; set; }
    public Guid TenureId { get; set; }
    /// <summary>Orders transactions posted at the same moment, as the ledger posted them.</summary>
    public long Sequence { get; set; }
    public DateTime TransactionDate { get; set; }
    public TransactionType TransactionType { get; set; }
    public decimal TransactionAmount { get; set; }
    public decimal PaidAmount { get; set; }
    public decimal ChargedAmount { get; set; }
    public decimal BalanceAmount { get; set; }
    public decimal HousingBenefitAmount { get; set; }
    public required string PaymentReference { get; set; }
}

public enum IdempotencyState { InFlight, Completed }

/// <summary>A creating request's Idempotency-Key, its body hash and (once finished) its response, for replays.</summary>
public sealed class IdempotencyRecord
{
    public required string Scope { get; set; }
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    public IdempotencyState State { get; set; }
    public int? ResponseStatus { get; set; }
    public string? ResponseBody { get; set; }
    public DateTime CreatedAt { get; set; }
}
