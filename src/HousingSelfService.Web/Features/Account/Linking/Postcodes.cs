using System.Text.RegularExpressions;

namespace HousingSelfService.Web.Features.Account.Linking;

/// <summary>UK postcodes as residents type them: any case, with or without the space.</summary>
public static partial class Postcodes
{
    public static bool LooksValid(string postcode) => UkPostcode().IsMatch(postcode.Trim());

    /// <summary>For comparing: no spaces, capitals ("e8 1aa" is "E81AA").</summary>
    public static string Normalise(string? postcode) =>
        string.Concat((postcode ?? "").Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    [GeneratedRegex(@"^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s*[0-9][A-Za-z]{2}$")]
    private static partial Regex UkPostcode();
}
