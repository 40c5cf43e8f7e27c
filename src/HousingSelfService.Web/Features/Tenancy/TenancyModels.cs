using HousingSelfService.CouncilApi.Client.ContactDetails;
using HousingSelfService.Web.Components.Common;

namespace HousingSelfService.Web.Features.Tenancy;

/// <summary>How a load went: the data, "not linked to a tenancy", or "the council system did not answer".</summary>
public enum LoadOutcome { Loaded, NotLinked, Unavailable }

public sealed record Loaded<T>(LoadOutcome Outcome, T? Value) where T : class;

public sealed record TenancyDetails(
    string Address,
    string TenancyType,
    string TenancyMeaning,
    DateOnly? StartDate,
    string PaymentReference,
    string? AreaOffice,
    IReadOnlyList<TenancyNoticeView> Notices,
    PropertyFacts? Property,
    IReadOnlyList<HouseholdPerson> Household);

public sealed record TenancyNoticeView(string Type, DateOnly? Served, DateOnly? Expires);

/// <summary>What a resident may want to know about the building: null when the asset system did not answer.</summary>
public sealed record PropertyFacts(string Kind, int? Bedrooms, bool? StepFree, int? Lifts, int? YearBuilt);

public sealed record HouseholdPerson(Guid Id, string Name, string Role, bool IsResponsible, DateOnly? DateOfBirth);

public sealed record ContactView(Guid Id, ContactType Type, ContactSubType? SubType, string Value, bool IsPreferred, int Version);

public sealed record ContactList(IReadOnlyList<ContactView> Phones, IReadOnlyList<ContactView> Emails)
{
    public IReadOnlyList<ContactView> Of(ContactType type) => type == ContactType.Email ? Emails : Phones;
}

public enum ChangeOutcome { Saved, Invalid, Conflict, NotFound, Unavailable, NotLinked }

/// <summary>
/// The result of a change. <see cref="ChangeOutcome.Conflict"/> means someone (usually an officer) changed the record first:
/// nothing was overwritten, and <see cref="Current"/> holds what the record says now (null if it was removed).
/// </summary>
public sealed record ChangeResult(ChangeOutcome Outcome, IReadOnlyList<FormError> Errors, ContactView? Current = null, string? Reference = null)
{
    public static ChangeResult Saved { get; } = new(ChangeOutcome.Saved, []);
    public static ChangeResult NotFound { get; } = new(ChangeOutcome.NotFound, []);
    public static ChangeResult Unavailable { get; } = new(ChangeOutcome.Unavailable, []);
    public static ChangeResult NotLinked { get; } = new(ChangeOutcome.NotLinked, []);
    public static ChangeResult Invalid(params FormError[] errors) => new(ChangeOutcome.Invalid, errors);
}

public sealed record PreferredName(string? Title, string FirstName, string Surname, string? PreferredTitle, string? PreferredFirstName,
    string? PreferredSurname, string Version);

public sealed record RequestView(Guid Id, string Reference, string Kind, string Status, string StatusMeaning, DateOnly Submitted, DateOnly Updated);

public sealed record LetterView(string Id, string Title, DateOnly Sent);

/// <summary>A letter's file, for download.</summary>
public sealed record LetterFile(string FileName, string ContentType, byte[] Content);
