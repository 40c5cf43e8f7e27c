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
        new("PDF rent statements are not tagged, so a screen reader cannot tell their headings and table apart",
            "The PDF version of a rent statement is not a tagged PDF: its heading and table have no structure a screen "
                + "reader can use",
            "1.3.1",
            "The same statement is on the Rent statement page and as a spreadsheet (CSV) download, which are accessible. "
                + "We plan to make the PDF a tagged PDF (PDF/UA)."),
    ];

    public static IReadOnlyList<string> ComponentFixes { get; } =
    [
        "Forms, buttons, links, error messages and tables are plain HTML elements styled to GOV.UK patterns, not "
            + "MudBlazor inputs, so every field has a visible label, its error message is linked to it and it works "
            + "the same with or without JavaScript.",
        "MudBlazor's chart draws a picture that screen readers cannot read, so the rent balance chart is marked as one "
            + "image with a description in words, and the same figures are in a table beside it. The chart cannot be "
            + "dragged, panned or zoomed: nothing on this website needs dragging (no sliders, no drag and drop).",
        "The warning before you are signed out for inactivity is a plain HTML alert dialog, not a MudBlazor dialog: "
            + "focus moves into it, the rest of the page cannot be reached until you answer, the keyboard reaches every "
            + "button, Escape keeps you signed in, and focus then goes back to where you were.",
        "Messages that appear without a new page, such as the characters you have left, \"Copied\", \"saved\" and "
            + "the time to pay off what you owe, are in a part of the page that screen readers announce when it changes.",
        "After you move to a new page, focus goes to its main heading, even when the page takes a moment to load its "
            + "details.",
        "Dates are entered in separate day, month and year boxes, or with the browser's own date field, not with "
            + "MudBlazor's date picker, which has known keyboard and screen reader problems.",
    ];

    public static IReadOnlyList<string> AutomatedChecks { get; } =
    [
        "run axe-core with every WCAG 2.0, 2.1 and 2.2 A and AA rule, and fail on any problem",
        "check nothing scrolls sideways at 320 pixels wide and at 400% zoom",
        "use the keyboard alone to move through each page, checking every item shows a visible focus indicator that is not hidden",
        "do each main task with the keyboard alone: signing in (with a security code for staff), reporting a repair, "
            + "paying rent by card, setting up a Direct Debit, changing a phone number, asking for permission (such "
            + "as to keep a pet), getting a rent statement, and a council officer helping a resident; focus must move to the "
            + "page heading on each new page and to the list of problems after a mistake",
        "check that messages that appear without a new page are announced by screen readers",
        "check the warning before you are signed out appears in time, is announced, takes focus, and that \"Stay "
            + "signed in\" gives you more time",
        "check nothing needs dragging",
        "check every button, link and field is at least 24 by 24 pixels",
        "apply the WCAG text spacing settings and check no text is cut off",
        "check animations are switched off when the device asks for reduced motion",
        "check pages still show focus and borders in Windows high contrast (forced colours) mode",
    ];
}
