using System.Globalization;
using HousingSelfService.CouncilApi.Client.Processes;
using HousingSelfService.CouncilApi.Infrastructure;
using HousingSelfService.Web.Components.Common;
using HousingSelfService.Web.Infrastructure;

namespace HousingSelfService.Web.Features.Tenancy;

public enum FieldKind { Text, LongText, Date, Radios, Declaration }

public sealed record FieldOption(string Value, string Label);

/// <summary>
/// One question of a request form. Dates are limited to a window of days from today (<see cref="MinDays"/> to
/// <see cref="MaxDays"/>) when the rule needs it, with the message to show outside it.
/// </summary>
public sealed record RequestField(string Id, string Label, FieldKind Kind, string? Hint = null, bool Required = true, int MaxLength = 500)
{
    public IReadOnlyList<FieldOption> Options { get; init; } = [];
    public int? MinDays { get; init; }
    public int? MaxDays { get; init; }
    public string? DateRangeMessage { get; init; }
    /// <summary>Set when the options are the household's members, filled in at run time.</summary>
    public bool HouseholdMembers { get; init; }
}

/// <summary>A request a resident can make: the process it starts, its questions and what the council will ask for.</summary>
public sealed record RequestDefinition(string Slug, string ProcessName, string Title, string Summary, IReadOnlyList<RequestField> Fields,
    IReadOnlyList<string> Evidence, string WhatHappensNext);

/// <summary>The requests residents can make, and the checks on their answers.</summary>
public static class RequestForms
{
    public const string HouseholdMemberField = "member";

    private static readonly FieldOption[] Relationships =
    [
        new("partner", "Partner, husband or wife"), new("child", "Son or daughter"), new("parent", "Mother or father"),
        new("other-relative", "Another relative"), new("carer", "Carer"), new("other", "Someone else"),
    ];

    public static IReadOnlyList<RequestDefinition> All { get; } =
    [
        new("add-household-member", ProcessNames.AddHouseholdMember, "Add someone to your household",
            "Tell us about a new baby, or someone moving in with you.",
            [
                new RequestField("fullName", "Their full name", FieldKind.Text, MaxLength: 100),
                new RequestField("dateOfBirth", "Their date of birth", FieldKind.Date, "For example, 27 March 2015") { MaxDays = 0, MinDays = -120 * 366, DateRangeMessage = "Date of birth must be today or in the past" },
                new RequestField("relationship", "How are they related to you?", FieldKind.Radios) { Options = Relationships },
                new RequestField("reason", "Why are they joining your household?", FieldKind.Radios)
                {
                    Options = [new("birth", "A baby was born"), new("moving-in", "They are moving in"), new("returning", "They are coming back to live here")],
                },
                new RequestField("moveInDate", "When did they start, or when will they start, living with you?", FieldKind.Date, "For a baby, the date of birth")
                    { MinDays = -366, MaxDays = 92, DateRangeMessage = "The date must be within the last year or the next 3 months" },
            ],
            ["For a baby, a birth certificate. For an adult, a passport or other photo ID.",
             "For an adult, proof of their last address, such as a letter from a bank or the council",
             "For an adult, their National Insurance number"],
            "We will check the proof and may visit. Adding someone can change your rent if you get Housing Benefit or Universal Credit (help to pay your rent)."),
        new("remove-household-member", ProcessNames.RemoveHouseholdMember, "Remove someone from your household",
            "Tell us when someone has moved out, or has died.",
            [
                new RequestField(HouseholdMemberField, "Who has left your household?", FieldKind.Radios) { HouseholdMembers = true },
                new RequestField("reason", "Why have they left?", FieldKind.Radios)
                {
                    Options = [new("moved-out", "They moved out"), new("died", "They died"), new("other", "Another reason")],
                },
                new RequestField("leftDate", "When did they leave?", FieldKind.Date)
                    { MinDays = -5 * 366, MaxDays = 0, DateRangeMessage = "The date they left must be today or in the past" },
                new RequestField("newAddress", "Their new address, if you know it", FieldKind.LongText, Required: false, MaxLength: 300),
            ],
            ["Their new address, if you have it", "If they died, the death certificate"],
            "We will update your household. If you get Housing Benefit or Universal Credit (help to pay your rent), tell them too."),
        new("end-tenancy", ProcessNames.EndTenancy, "End your tenancy",
            "Give us notice that you are moving out. You must give at least 4 weeks' notice.",
            [
                new RequestField("endDate", "When do you want your tenancy to end?", FieldKind.Date,
                    "At least 4 weeks from today, and within 6 months. You pay rent until this date.")
                    { MinDays = 28, MaxDays = 183, DateRangeMessage = "The end date must be at least 4 weeks from today and within 6 months" },
                new RequestField("reason", "Why are you leaving?", FieldKind.Radios)
                {
                    Options = [new("buying", "Buying a home"), new("private-rent", "Renting privately"), new("care", "Moving into care"),
                        new("family", "Moving in with family"), new("away", "Moving away"), new("other", "Another reason")],
                },
                new RequestField("forwardingAddress", "Your new address", FieldKind.LongText, "So we can send you your final rent statement", MaxLength: 300),
                new RequestField("declaration", "I understand that by the end date I must leave the home empty and clean, and give back the keys. I must also pay any rent I owe.", FieldKind.Declaration),
            ],
            ["Keys returned to the housing office by 12 noon on the end date", "A forwarding address"],
            "We will write to confirm your end date. We will visit to check the home before you leave."),
        new("permission", ProcessNames.Permission, "Ask permission for a change",
            "You need our permission to make changes to your home, keep some pets or take in a lodger.",
            [
                new RequestField("permissionType", "What do you want permission for?", FieldKind.Radios)
                {
                    Options = [new("alterations", "Making changes to my home"), new("pets", "Keeping a pet"), new("lodger", "Taking in a lodger")],
                },
                new RequestField("details", "Tell us what you want to do", FieldKind.LongText,
                    "For changes to your home, what and where. For a pet, the kind of animal. For a lodger, their name.", MaxLength: 1000),
            ],
            ["For changes to your home: a drawing or a quote", "For a lodger: their photo ID"],
            "We will reply within 28 days. Do not start until we say yes."),
        new("report-asb", ProcessNames.AsbReport, "Report anti-social behaviour",
            "Tell us about behaviour that is causing you alarm or distress. In an emergency, call 999.",
            [
                new RequestField("what", "What happened?", FieldKind.LongText, MaxLength: 2000),
                new RequestField("when", "When did it last happen?", FieldKind.Date)
                    { MinDays = -366, MaxDays = 0, DateRangeMessage = "The date must be today or within the last year" },
                new RequestField("where", "Where did it happen?", FieldKind.Text, MaxLength: 200),
                new RequestField("ongoing", "Is it still happening?", FieldKind.Radios) { Options = [new("yes", "Yes"), new("no", "No")] },
            ],
            ["Dates and times it happened, if you have kept a diary", "Any crime reference numbers from the police"],
            "An officer will contact you within 5 working days. We will not tell anyone you made the report."),
        new("mutual-exchange", ProcessNames.MutualExchange, "Swap your home with another tenant",
            "A mutual exchange is when you swap homes with another tenant. They must rent from a council or housing association.",
            [
                new RequestField("partnerName", "The name of the tenant you want to swap with", FieldKind.Text, MaxLength: 100),
                new RequestField("partnerAddress", "Their address", FieldKind.LongText, MaxLength: 300),
                new RequestField("partnerLandlord", "Their landlord", FieldKind.Text, "For example, the council or a housing association", MaxLength: 100),
            ],
            ["Your rent account must be up to date", "Both landlords must agree"],
            "We will reply within 42 days, as the law requires. Do not move until both landlords agree."),
        new("transfer", ProcessNames.Transfer, "Ask to move to another council home",
            "Ask for a transfer if your home no longer meets your needs.",
            [
                new RequestField("reason", "Why do you need to move?", FieldKind.Radios)
                {
                    Options = [new("overcrowded", "My home is too small"), new("under-occupying", "My home is too big"),
                        new("medical", "A medical or disability need"), new("safety", "I am not safe where I live"), new("other", "Another reason")],
                },
                new RequestField("details", "Tell us more", FieldKind.LongText, MaxLength: 1000),
                new RequestField("areas", "Which areas would you like to move to?", FieldKind.Text, Required: false, MaxLength: 200),
            ],
            ["For a medical need: a letter from your doctor or health worker"],
            "We will assess your request and tell you your priority within 28 days."),
    ];

    public static RequestDefinition? BySlug(string? slug) => All.FirstOrDefault(d => d.Slug == slug);

    public static RequestDefinition? ByProcessName(string processName) => All.FirstOrDefault(d => d.ProcessName == processName);

    /// <summary>Problems with the answers, in field order; an empty list when they can be sent.</summary>
    public static IReadOnlyList<FormError> Validate(RequestDefinition definition, IReadOnlyDictionary<string, string?> answers,
        IReadOnlyList<FieldOption> householdMembers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new List<FormError>();
        foreach (var field in definition.Fields)
        {
            var value = answers.GetValueOrDefault(field.Id)?.Trim() ?? "";
            if (Check(field, value, householdMembers, today) is { } message)
            {
                errors.Add(new FormError(field.Id, message));
            }
        }

        return errors;
    }

    private static string? Check(RequestField field, string value, IReadOnlyList<FieldOption> householdMembers, DateOnly today)
    {
        var name = field.Label.TrimEnd('?');
        if (value.Length == 0)
        {
            return !field.Required ? null : field.Kind switch
            {
                FieldKind.Radios => $"Select an answer: {name.ToLowerInvariant()}",
                FieldKind.Declaration => "Confirm that you understand, to continue",
                FieldKind.Date => $"Enter a date: {name.ToLowerInvariant()}",
                _ => $"Enter {name.ToLowerInvariant()}",
            };
        }

        if (field.Kind == FieldKind.Radios)
        {
            var options = field.HouseholdMembers ? householdMembers : field.Options;
            return options.Any(o => o.Value == value) ? null : "Select one of the answers shown";
        }

        if (field.Kind == FieldKind.Date)
        {
            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return "Enter a real date, for example 27 3 2026";
            }

            var days = date.DayNumber - today.DayNumber;
            return (field.MinDays is { } min && days < min) || (field.MaxDays is { } max && days > max)
                ? field.DateRangeMessage ?? "Enter a date in the allowed range"
                : null;
        }

        if (value.Length > field.MaxLength)
        {
            return $"Use {field.MaxLength} characters or fewer";
        }

        return TextChecks.LooksLikeScript(value) ? "Do not use the characters < or >, or web code" : null;
    }

    /// <summary>An answer as the resident reads it on the check answers page.</summary>
    public static string Display(RequestField field, string? value, IReadOnlyList<FieldOption> householdMembers)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (string.IsNullOrWhiteSpace(value))
        {
            return "Not given";
        }

        return field.Kind switch
        {
            FieldKind.Radios => (field.HouseholdMembers ? householdMembers : field.Options).FirstOrDefault(o => o.Value == value)?.Label ?? value,
            FieldKind.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => UkFormat.Date(date),
            FieldKind.Declaration => "Yes, I understand",
            _ => value.Trim(),
        };
    }

    /// <summary>A request's state in plain words, and what it means for the resident.</summary>
    public static (string Status, string Meaning) StatusInWords(string state) => state switch
    {
        ProcessStates.Submitted => ("Received", "We have your request and will look at it soon."),
        ProcessStates.UnderReview => ("Being looked at", "An officer is looking at your request."),
        ProcessStates.MoreInformationNeeded => ("We need more information", "We will contact you to ask for what we need."),
        ProcessStates.Approved => ("Approved", "We have said yes to your request."),
        ProcessStates.Declined => ("Not approved", "We have written to you to explain why."),
        ProcessStates.Withdrawn => ("Withdrawn", "This request was withdrawn."),
        _ => (state, "Call us to find out more."),
    };
}
