using System.Text.RegularExpressions;

namespace HousingSelfService.Web.Tests.PlainEnglish;

/// <summary>The Flesch–Kincaid measure of one message: its US school grade, and the reading age (grade + 5).</summary>
public sealed record ReadingScore(int Words, int Sentences, int Syllables, double Grade)
{
    public double ReadingAge => Grade + 5;
}

/// <summary>
/// Flesch–Kincaid grade level (Kincaid et al., 1975): 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
/// Syllables are counted with the usual vowel-group rule (silent final "e", "-es" and "-ed" dropped), which is within
/// one syllable for nearly every everyday English word. No maintained .NET package does this, and the rule is short.
/// </summary>
public static partial class Readability
{
    public static ReadingScore Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = Sentences(text);
        var words = sentences.SelectMany(Words).ToList();
        var syllables = words.Sum(Syllables);
        if (words.Count == 0)
        {
            return new ReadingScore(0, 0, 0, 0);
        }

        var grade = (0.39 * words.Count / sentences.Count) + (11.8 * syllables / words.Count) - 15.59;
        return new ReadingScore(words.Count, sentences.Count, syllables, Math.Round(grade, 1));
    }

    /// <summary>Splits on . ! ? followed by a space or the end (so £1.50, 8.30am and "example.test" stay whole).</summary>
    public static IReadOnlyList<string> Sentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => Words(s).Any())];
    }

    /// <summary>Words are runs of letters or digits; "£312.50", "020 8356" and "up-to-date" count as one word a token.</summary>
    public static IEnumerable<string> Words(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(token => token.Trim('.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '‘', '’', '“', '”', '–', '—'))
            .Where(token => token.Any(char.IsLetterOrDigit));
    }

    public static int Syllables(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        // "up-to-date", "e-mail": each part is spoken on its own.
        var parts = word.Split('-', '/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1 ? parts.Sum(Syllables) : SyllablesInPart(word);
    }

    private static int SyllablesInPart(string word)
    {
        var letters = new string([.. word.ToLowerInvariant().Where(char.IsAsciiLetterLower)]);
        if (letters.Length == 0 || word.Contains('@', StringComparison.Ordinal) || word.Contains("://", StringComparison.Ordinal))
        {
            // Numbers and amounts ("28", "£312.50") are one unit, and so are email and web addresses, which are
            // copied rather than read (the formula would count "name@example.com" as one long hard word).
            return 1;
        }

        if (letters.Length <= 3)
        {
            return 1;
        }

        letters = SilentEnding().Replace(letters, "");
        letters = LeadingY().Replace(letters, "");
        return Math.Max(1, VowelGroup().Count(letters));
    }

    [GeneratedRegex(@"(?<=[.!?])\s+|(?<=[.!?])$|\n")]
    private static partial Regex SentenceEnd();

    // "homes" → "hom", "asked" → "ask", "make" → "mak"; but "table", "needed" and "sees" keep their vowel sound.
    [GeneratedRegex("(?:[^laeiouy]es|[^aeiouytd]ed|[^laeiouy]e)$")]
    private static partial Regex SilentEnding();

    [GeneratedRegex("^y")]
    private static partial Regex LeadingY();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();
}
