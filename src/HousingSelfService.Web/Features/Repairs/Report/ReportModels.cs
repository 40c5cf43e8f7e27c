using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.Web.Components.Common;

namespace HousingSelfService.Web.Features.Repairs.Report;

/// <summary>The pages of the report journey, in order, and where each lives.</summary>
public static class ReportPaths
{
    public const string Start = "repairs/report";
    public const string Where = "repairs/report/where";
    public const string Describe = "repairs/report/describe";
    public const string Photos = "repairs/report/photos";
    public const string Contact = "repairs/report/contact";
    public const string Appointment = "repairs/report/appointment";
    public const string Check = "repairs/report/check";

    public static string Triage(int level) => $"repairs/report/triage/{level}";

    public static string Phone(PhoneReason reason) => $"repairs/report/phone/{reason.ToString().ToLowerInvariant()}";

    public static string Confirmation(Guid draftId) => $"repairs/report/confirmation/{draftId}";

    /// <summary>A step's address; with <paramref name="change"/> the step returns to check answers when saved.</summary>
    public static string WithChange(string path, bool change) => change ? path + "?change=true" : path;
}

/// <summary>Why a repair has to be reported by phone instead.</summary>
public enum PhoneReason { Gas, Emergency, UnableToBook, NotEligible, Property, NoSlots }

/// <summary>One triage question: the options at this level, and which one the resident chose before (if any).</summary>
public sealed record TriageQuestion(int Level, string Heading, IReadOnlyList<TriageOption> Options, string? Chosen);

/// <summary>Where the resident goes after an answer: a next page, or a form error to show on this one.</summary>
public sealed record StepResult(string? Next, IReadOnlyList<FormError> Errors)
{
    public static StepResult GoTo(string next) => new(next, []);

    public static StepResult Problem(string fieldId, string message) => new(null, [new FormError(fieldId, message)]);
}

public sealed record ContactAnswers(string? Name, string? Phone, ConfirmationChannel? ConfirmBy, string? Email, string? AccessNotes);

/// <summary>Free appointment days (already limited to what this repair may book); null when the diary could not be read.</summary>
public sealed record SlotChoice(IReadOnlyList<AppointmentDay>? Days, DateOnly? Latest);

public enum SubmitOutcome { Sent, Received, SlotTaken, NotReady, Failed }

public sealed record SubmitResult(SubmitOutcome Outcome, Guid? DraftId, string? Message = null);
