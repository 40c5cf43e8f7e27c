using System.Text.RegularExpressions;

namespace HousingSelfService.CouncilApi.Infrastructure;

/// <summary>The platform's text validation rules, with their error codes (W40 email, W41 phone, W42 XSS).</summary>
public static partial class TextChecks
{
    public static bool IsEmail(string value) => EmailPattern().IsMatch(value);

    /// <summary>A UK number (leading 0 or +44) or an international E.164-style number, ignoring spaces, dashes and brackets.</summary>
    public static bool IsPhone(string value)
    {
        var digits = PhoneSeparators().Replace(value, "");
        return UkPhonePattern().IsMatch(digits) || InternationalPhonePattern().IsMatch(digits);
    }

    /// <summary>True when the text looks like markup or script, which the platform refuses to store (W42).</summary>
    public static bool LooksLikeScript(string? value) => value is not null && ScriptPattern().IsMatch(value);

    [GeneratedRegex(@"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>.]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex(@"^(0|\+44)[1-9]\d{8,9}$")]
    private static partial Regex UkPhonePattern();

    [GeneratedRegex(@"^\+[1-9]\d{6,14}$")]
    private static partial Regex InternationalPhonePattern();

    [GeneratedRegex(@"[<>]|javascript:|vbscript:|data:text/html|\bon\w+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptPattern();
}
