using Shouldly;

namespace HousingSelfService.Web.Tests.PlainEnglish;

/// <summary>The checker itself: it counts like a person would, and it catches hard sentences, jargon and code.</summary>
public sealed class ReadabilityCheckerTests
{
    [Theory]
    [InlineData("rent", 1)]
    [InlineData("repair", 2)]
    [InlineData("council", 2)]
    [InlineData("tenancy", 3)]
    [InlineData("appointment", 3)]
    [InlineData("available", 4)]
    [InlineData("cancelled", 2)]
    [InlineData("needed", 2)]
    [InlineData("make", 1)]
    [InlineData("table", 2)]
    [InlineData("you", 1)]
    [InlineData("up-to-date", 3)]
    [InlineData("£312.50", 1)]
    public void Counts_syllables(string word, int syllables) => Readability.Syllables(word).ShouldBe(syllables);

    [Fact]
    public void Scores_a_plain_message_below_the_limit()
    {
        var score = Readability.Score("You owe £312.50. Pay it by 1 December 2026 to keep your home safe.");

        score.Sentences.ShouldBe(2);
        score.Words.ShouldBe(14);
        score.Grade.ShouldBeLessThanOrEqualTo(PlainEnglishTests.GradeLimit);
    }

    [Fact]
    public void Catches_a_hard_sentence()
    {
        var score = Readability.Score(
            "Notwithstanding the aforementioned considerations, residents experiencing difficulties regarding remittance "
            + "obligations should communicate immediately with the appropriate departmental representative.");

        score.Grade.ShouldBeGreaterThan(PlainEnglishTests.GradeLimit);
        score.ReadingAge.ShouldBeGreaterThan(20);
    }

    [Fact]
    public void Does_not_split_sentences_at_amounts_times_or_addresses() =>
        Readability.Sentences("Pay £1.50 at 8.30am to name@example.test now. Then stop!").Count.ShouldBe(2);

    [Theory]
    [InlineData("Your HB claim has changed")]
    [InlineData("We raised a work order for your repair")]
    [InlineData("Your tenure type is SEC")]
    [InlineData("Enter a valid postcode")]
    [InlineData("Your DD mandate is active")]
    public void Catches_jargon(string message) => Jargon.Check([message]).ShouldNotBeEmpty();

    [Fact]
    public void Allows_a_term_the_page_explains() =>
        Jargon.Check(["You get Housing Benefit.", "Housing Benefit is money from the council to help pay your rent."]).ShouldBeEmpty();

    [Fact]
    public void Catches_a_term_the_page_does_not_explain() =>
        Jargon.Check(["You get Housing Benefit."]).Single().Term.ShouldBe("Housing Benefit");

    [Fact]
    public void Reads_razor_markup_attributes_and_code_strings_but_not_code()
    {
        const string razor = """
            @page "/example"
            @inject Thing Things
            <h1 tabindex="-1">Pay your rent</h1>
            @if (done)
            {
                <p class="inset">You paid <strong>@UkFormat.Money(amount)</strong> today. Thank you.</p>
            }
            <TextField Id="name" Label="Name on the account" @bind-Value="input.Name" />
            @code {
                private string message = $"We could not take the payment. Call {CouncilContact.Phone}.";
                private void Fail() => throw new InvalidOperationException("Nobody reads this message at all");
            }
            """;

        ResidentText.FromRazor(razor).ShouldBe(
            ["We could not take the payment. Call X.", "Name on the account", "Pay your rent", "You paid X today. Thank you."],
            ignoreOrder: true);
    }

    [Fact]
    public void Reads_csharp_messages_joined_but_not_logs_exceptions_or_keys()
    {
        const string source = """
            class Example(ILogger logger)
            {
                string Text => "You owe " + Money + " on your rent account.";
                [Required(ErrorMessage = "Enter your postcode")] string? Postcode { get; set; }
                void Run()
                {
                    logger.LogWarning("Council API down for this resident");
                    var key = configuration["CouncilApi:BaseAddress"];
                    throw new InvalidOperationException("Nobody reads this message at all");
                }
            }
            """;

        ResidentText.FromCSharp(source).ShouldBe(["You owe X on your rent account.", "Enter your postcode"]);
    }
}
