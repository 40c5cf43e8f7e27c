using HousingSelfService.CouncilApi.Client.ContactDetails;

namespace HousingSelfService.Web.Features.Tenancy;

/// <summary>Words for contact details: "phone number" or "email address", and the kinds a resident can choose.</summary>
public static class ContactWording
{
    public static string Noun(ContactType type) => type == ContactType.Email ? "email address" : "phone number";

    public static string Slug(ContactType type) => type == ContactType.Email ? "email" : "phone";

    public static ContactType? FromSlug(string? slug) => slug switch
    {
        "phone" => ContactType.Phone,
        "email" => ContactType.Email,
        _ => null,
    };

    public static IReadOnlyList<FieldOption> Kinds(ContactType type) => type == ContactType.Email
        ? [new("home", "Personal"), new("work", "Work")]
        : [new("mobile", "Mobile"), new("home", "Home"), new("work", "Work")];

    public static ContactSubType SubTypeOf(string? value) => value switch
    {
        "home" => ContactSubType.Home,
        "work" => ContactSubType.Work,
        "mobile" => ContactSubType.Mobile,
        _ => ContactSubType.Other,
    };

    public static string KindValue(ContactSubType? subType) => subType switch
    {
        ContactSubType.Home => "home",
        ContactSubType.Work => "work",
        ContactSubType.Mobile => "mobile",
        _ => "",
    };

    public static string KindLabel(ContactType type, ContactSubType? subType) =>
        Kinds(type).FirstOrDefault(k => k.Value == KindValue(subType))?.Label ?? "Other";
}
