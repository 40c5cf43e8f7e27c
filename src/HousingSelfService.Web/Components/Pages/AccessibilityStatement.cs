namespace HousingSelfService.Web.Components.Pages;

/// <summary>A known failure of WCAG 2.2 AA: what it is, which criterion, and when we will fix it.</summary>
public sealed record AccessibilityProblem(string Summary, string Detail, string Criterion, string Plan);

/// <summary>
/// The facts behind the accessibility statement page, kept in one place so the audit that finds a problem and the
/// statement that admits it change together.
/// </summary>
public static class AccessibilityStatement
{
    public const string Email = "accessibility@example-borough.test";
    public const int ReplyWithinDays = 5;
    public const string PreparedOn = "24 November 2026";
    public const string LastReviewedOn = "24 November 2026";

    public static IReadOnlyList<AccessibilityProblem> KnownProblems { get; } =
    [
        new("The PDF of a rent statement does not work well with a screen reader",
            "The PDF version of a rent statement is not a tagged PDF. This means a screen reader cannot tell its heading "
                + "from its table",
            "1.3.1",
            "The same statement is on the Rent statement page and in a spreadsheet (CSV) download. Both of these are "
                + "accessible. We plan to make the PDF a tagged PDF (PDF/UA)."),
    ];

    public static IReadOnlyList<string> ComponentFixes { get; } =
    [
        "Forms, buttons, links, error messages and tables are plain HTML, styled to GOV.UK patterns. We do not use "
            + "MudBlazor's form parts. So every field has a label you can see. Its error message is linked to it. It "
            + "works the same with or without JavaScript.",
        "Screen readers cannot read MudBlazor's chart. So the rent balance chart is marked as one picture with a "
            + "description in words. The same figures are in a table beside it. You cannot drag, pan or zoom the chart. "
            + "Nothing on this website needs dragging: there are no sliders and no drag and drop.",
        "The warning before we sign you out is a plain HTML dialog, not a MudBlazor one. Focus moves into it. You "
            + "cannot reach the rest of the page until you answer. The keyboard reaches every button. Escape keeps you "
            + "signed in, and focus goes back to where you were.",
        "Some messages appear without a new page, such as the characters you have left, \"Copied\", \"saved\" and "
            + "the time to pay off what you owe. Screen readers read them out when they change.",
        "When you move to a new page, focus goes to its main heading. This works even when the page takes a moment "
            + "to load.",
        "You enter dates in 3 boxes (day, month and year), or in the browser's own date box. We do not use MudBlazor's "
            + "date picker. It has known problems with keyboards and screen readers.",
    ];

    public static IReadOnlyList<string> AutomatedChecks { get; } =
    [
        "run the axe-core tool with every WCAG 2.0, 2.1 and 2.2 A and AA rule. Any problem it finds fails the test",
        "check nothing scrolls sideways at 320 pixels wide and at 400% zoom",
        "move through each page with the keyboard alone, and check you can always see where you are on the page",
        "use only the keyboard to sign in and report a repair",
        "use only the keyboard to pay rent by card and set up a Direct Debit",
        "use only the keyboard to change a phone number and ask to keep a pet",
        "use only the keyboard to get a rent statement",
        "use only the keyboard to help a resident as a council officer. Officers sign in with a code",
        "check focus goes to the heading of each new page",
        "check focus goes to the list of problems when you make a mistake",
        "check screen readers read out messages that appear without a new page",
        "check the warning before we sign you out comes in time, is read out and takes focus",
        "check \"Stay signed in\" gives you more time",
        "check nothing needs dragging",
        "check every button, link and field is at least 24 by 24 pixels",
        "apply the WCAG text spacing settings and check no text is cut off",
        "check animations stop when the device asks for less motion",
        "check pages still show focus and borders in Windows high contrast (forced colours) mode",
    ];

    /// <summary>
    /// How we checked the words, and what we found (the plain-English test in HousingSelfService.Web.Tests/PlainEnglish
    /// runs on every change; the figures are from the review of 24 November 2026).
    /// </summary>
    public static IReadOnlyList<string> PlainEnglishReview { get; } =
    [
        "We also test the words. A test reads every message on this website and works out its reading age with the "
            + "Flesch–Kincaid formula. Each message of 10 words or more must have a reading age of 11 or under. No "
            + "sentence may have more than 25 words. The test also checks that we explain or avoid words that housing "
            + "staff use but residents may not know.",
        "When we first checked, on 24 November 2026, we found 1,125 messages. 298 of them had 10 words or more. Half "
            + "of those needed a reading age of 9.2 or more, and the hardest needed 23. We rewrote every message that "
            + "failed the test. Now half need 8.7 or more, and the hardest needs 11. Only the legal wording in this "
            + "statement is harder.",
    ];
}
