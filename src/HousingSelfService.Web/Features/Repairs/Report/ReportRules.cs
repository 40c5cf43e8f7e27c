using System.Text.RegularExpressions;
using HousingSelfService.CouncilApi.Client.Repairs;

namespace HousingSelfService.Web.Features.Repairs.Report;

/// <summary>The report's answer checks, in the words residents see. Each returns null when the answer is fine.</summary>
public static partial class ReportRules
{
    public const int MaxDescriptionLength = 255;
    public const int MaxNameLength = 100;
    public const int MaxAccessNotesLength = 500;
    public const string NationalGasEmergencyPhone = "0800 111 999";
    public const string NationalGasEmergencyHref = "tel:+44800111999";

    public static string? CheckDescription(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "Describe the problem";
        }

        if (trimmed.Length > MaxDescriptionLength)
        {
            return $"Description must be {MaxDescriptionLength} characters or fewer";
        }

        return LooksLikeMarkup(trimmed) ? "Description must not include the characters < or >, or web code" : null;
    }

    public static string? CheckName(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "Enter the name of the person we should contact";
        }

        if (trimmed.Length > MaxNameLength)
        {
            return $"Name must be {MaxNameLength} characters or fewer";
        }

        return LooksLikeMarkup(trimmed) ? "Name must not include the characters < or >, or web code" : null;
    }

    public static string? CheckPhone(string? text)
    {
        var digits = PhoneSeparators().Replace(text ?? "", "");
        if (digits.Length == 0)
        {
            return "Enter a phone number, like 07700 900 982 or 020 7946 0000";
        }

        return UkPhone().IsMatch(digits) ? null : "Enter a UK phone number, like 07700 900 982 or 020 7946 0000";
    }

    /// <summary>Text confirmations need a mobile number (07 or +447).</summary>
    public static string? CheckMobileForTexts(string phone) =>
        UkMobile().IsMatch(PhoneSeparators().Replace(phone, "")) ? null : "To get a text, enter a mobile number that starts 07, or choose email";

    public static string? CheckEmail(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "Enter your email address";
        }

        return trimmed.Length <= 256 && Email().IsMatch(trimmed) ? null : "Enter an email address in the correct format, like name@example.com";
    }

    public static string? CheckAccessNotes(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length > MaxAccessNotesLength)
        {
            return $"What we need to know to get in must be {MaxAccessNotesLength} characters or fewer";
        }

        return LooksLikeMarkup(trimmed) ? "Access information must not include the characters < or >, or web code" : null;
    }

    /// <summary>Priorities 1 and 2 are emergencies: reported by phone, never booked online.</summary>
    public static bool IsPhoneOnly(int priority) => !RepairPriority.CanBookOnline(priority);

    /// <summary>The latest day an appointment may be offered: urgent repairs only inside their target.</summary>
    public static DateOnly? LatestAppointment(int priority, DateOnly today) =>
        priority == RepairPriority.Urgent
            ? DateOnly.FromDateTime(RepairPriority.Target(priority, today.ToDateTime(TimeOnly.MinValue)))
            : null;

    /// <summary>The council refuses markup and script in text (its W42 rule), so residents hear about it here first.</summary>
    public static bool LooksLikeMarkup(string text) => Markup().IsMatch(text);

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex(@"^(0|\+44)[1-9]\d{8,9}$")]
    private static partial Regex UkPhone();

    [GeneratedRegex(@"^(07|\+447)\d{9}$")]
    private static partial Regex UkMobile();

    [GeneratedRegex(@"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>.]{2,}$")]
    private static partial Regex Email();

    [GeneratedRegex(@"[<>]|javascript:|vbscript:|data:text/html|\bon\w+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Markup();
}
