using System.Text.RegularExpressions;

namespace HousingSelfService.Web.Tests.PlainEnglish;

/// <summary>
/// A housing or technical term residents may not know. <see cref="ExplainedBy"/> null: never use it on a resident
/// page, say <see cref="Instead"/>. Otherwise it may appear if the same page (source file) also explains it in words
/// that match <see cref="ExplainedBy"/>.
/// </summary>
public sealed record JargonTerm(string Term, Regex Pattern, string Instead, Regex? ExplainedBy = null);

/// <summary>A jargon term found on a page without its explanation.</summary>
public sealed record JargonFinding(string Term, string Instead, string Message);

public static partial class Jargon
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    private static Regex Words(string pattern) => new($@"\b(?:{pattern})\b", Options);

    private static Regex Code(string pattern) => new($@"\b(?:{pattern})\b", RegexOptions.CultureInvariant);

    /// <summary>
    /// "Direct Debit" is not here: it is the name every UK bank and GOV.UK use, and the Direct Debit page says what
    /// it does ("we take the same amount on the same day each month").
    /// </summary>
    public static IReadOnlyList<JargonTerm> Terms { get; } =
    [
        new("SOR code", Code("SORs?"), "describe the job in words, or say \"reference\""),
        new("HB", Code("HB"), "Housing Benefit"),
        new("UC", Code("UC"), "Universal Credit"),
        new("TMO", Code("TMOs?"), "the group of residents who run services on your estate"),
        new("DD", Code("DDs?"), "Direct Debit"),
        new("work order", Words("work ?orders?"), "repair"),
        new("tenure", Words("tenures?"), "tenancy"),
        new("mandate", Words("mandates?"), "Direct Debit"),
        new("valid / invalid", Words("valid|invalid"), "say what is wrong and how to fix it (GOV.UK error messages)"),
        new("priority code", Words("priority (?:code|P[1-5])|P[1-5]"), "say how soon we will come"),
        new("server, circuit, session", Words("server|circuit|session"), "say what happened in everyday words"),
        new("arrears", Words("arrears"), "rent you owe", Words("you owe|owed")),
        new("Housing Benefit", Words("Housing Benefit"), "explain it",
            Words("help(?:s)? (?:you )?(?:to )?pay (?:your|the) rent|money (?:from the council )?(?:to|that) help")),
        new("Universal Credit", Words("Universal Credit"), "explain it",
            Words("(?:benefit|payment) (?:that|which) (?:can )?(?:include|help)|help(?:s)? (?:you )?(?:to )?pay (?:your|the) rent|money (?:to|that) help")),
        new("secure / introductory tenancy", Words("secure tenan(?:cy|t)|introductory tenan(?:cy|t)"), "explain it",
            Words("rest of your life|trial tenancy|first 12 months")),
        new("leasehold", Words("leasehold(?:er)?s?"), "explain it", Words("own the lease|own your home|service charges? (?:for|pay)")),
    ];

    /// <summary>Terms in <paramref name="messages"/> (one page's text) that the page does not explain.</summary>
    public static IReadOnlyList<JargonFinding> Check(IReadOnlyList<string> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        // An email address is copied, not read: the demo's "arrears@demo.housing.test" is not the word "arrears".
        messages = [.. messages.Select(message => EmailAddress().Replace(message, "X"))];
        var page = string.Join("\n", messages);
        return
        [
            .. from term in Terms
               where term.ExplainedBy is null || !term.ExplainedBy.IsMatch(page)
               from message in messages
               where term.Pattern.IsMatch(message)
               select new JargonFinding(term.Term, term.Instead, message),
        ];
    }

    [GeneratedRegex(@"\S+@\S+")]
    private static partial Regex EmailAddress();
}
