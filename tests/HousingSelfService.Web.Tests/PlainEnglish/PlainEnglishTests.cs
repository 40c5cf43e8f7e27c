using Shouldly;

namespace HousingSelfService.Web.Tests.PlainEnglish;

/// <summary>
/// The plain-English review (issue 9 §5), kept true as the app changes: every message people read in the web app
/// (gathered from the source by <see cref="ResidentText"/>) reads at age 11 or under, has no sentence over 25 words,
/// and resident pages avoid or explain housing jargon.
/// </summary>
/// <remarks>
/// Reading age is the Flesch–Kincaid grade + 5 (<see cref="Readability"/>). The formula means little for a few words
/// (one long word in a heading would fail it), so it is applied to messages of <see cref="MinimumWords"/> words or
/// more; shorter ones are still checked for jargon. Officers' pages are held to the same reading age but may use
/// officer terms.
/// </remarks>
public sealed class PlainEnglishTests
{
    /// <summary>Flesch–Kincaid grade 6 = reading age 11, the top of the 9 to 11 the council aims for.</summary>
    public const double GradeLimit = 6;

    public const int MinimumWords = 10;

    /// <summary>GOV.UK's longest sentence.</summary>
    public const int LongestSentence = 25;

    /// <summary>
    /// Wording the law or the GOV.UK model accessibility statement sets, which we may not simplify (the opening
    /// of each message). Keep this list short: everything else must pass.
    /// </summary>
    public static IReadOnlyDictionary<string, string> RequiredWording { get; } = new Dictionary<string, string>
    {
        ["X is committed to making its website accessible"] = "model statement: the compliance opening names the regulations",
        ["This website is fully compliant with the Web Content Accessibility Guidelines"] = "model statement: compliance status",
        ["This website is partially compliant with the Web Content Accessibility Guidelines"] = "model statement: compliance status",
        ["The Equality and Human Rights Commission (EHRC) is responsible for enforcing"] = "model statement: enforcement procedure",
    };

    private static readonly Lazy<IReadOnlyList<Message>> Messages = new(ResidentText.All);

    private static bool Required(Message message) => RequiredWording.Keys.Any(message.Text.StartsWith);

    [Fact]
    public void The_gatherer_finds_page_text_labels_and_wording_but_not_code()
    {
        var texts = Messages.Value.Select(m => m.Text).ToList();

        texts.Count.ShouldBeGreaterThan(500);
        texts.ShouldContain(t => t.StartsWith("Pay your rent by Direct Debit", StringComparison.Ordinal)); // a page heading
        texts.ShouldContain("Name on the account"); // a Label attribute
        texts.ShouldContain(t => t.StartsWith("A trial tenancy for your first 12 months", StringComparison.Ordinal)); // a wording class
        texts.ShouldNotContain(t => t.Contains("CouncilApi:", StringComparison.Ordinal)); // configuration keys
        texts.ShouldNotContain(t => t.Contains("@if", StringComparison.Ordinal) || t.Contains("=>", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_message_of_ten_words_or_more_reads_at_age_11_or_under()
    {
        var tooHard =
            from message in Messages.Value
            where !Required(message)
            let score = Readability.Score(message.Text)
            where score.Words >= MinimumWords && score.Grade > GradeLimit
            select $"age {score.ReadingAge:0.0} ({score.Words} words) {message.File}: {message.Text}";

        tooHard.ShouldBeEmpty();
    }

    [Fact]
    public void No_sentence_is_longer_than_25_words()
    {
        var tooLong =
            from message in Messages.Value
            where !Required(message)
            from sentence in Readability.Sentences(message.Text)
            let words = Readability.Words(sentence).Count()
            where words > LongestSentence
            select $"{words} words {message.File}: {sentence}";

        tooLong.ShouldBeEmpty();
    }

    [Fact]
    public void Resident_pages_avoid_or_explain_jargon()
    {
        var unexplained =
            from page in Messages.Value.Where(m => !m.ForOfficers).GroupBy(m => m.File)
            from finding in Jargon.Check([.. page.Select(m => m.Text)])
            select $"{finding.Term} in {page.Key} (say: {finding.Instead}): {finding.Message}";

        unexplained.ShouldBeEmpty();
    }

    [Fact]
    public void Reports_how_many_messages_were_checked_and_their_reading_ages()
    {
        var scored = Messages.Value
            .Select(m => (Message: m, Score: Readability.Score(m.Text)))
            .Where(m => m.Score.Words >= MinimumWords)
            .OrderBy(m => m.Score.Grade)
            .ToList();
        var median = scored[scored.Count / 2].Score.ReadingAge;
        var worst = scored.Where(m => !Required(m.Message)).Last();

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Messages.Value.Count} messages checked for jargon; {scored.Count} of {MinimumWords}+ words scored: "
            + $"median reading age {median:0.0}, hardest (outside required wording) {worst.Score.ReadingAge:0.0}: {worst.Message.Text}");
        median.ShouldBeLessThanOrEqualTo(GradeLimit + 5);
    }
}
