using HousingSelfService.Web.Components.Common;
using System.Net;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.Web.Features.Repairs.Report;

/// <summary>
/// The report journey's feature boundary. Every answer is saved to the signed-in resident's draft (found by their
/// user id and tenancy link, never from the URL); council API failures become messages, never exceptions.
/// </summary>
public sealed class RepairReportService(
    CurrentResident currentResident,
    IDbContextFactory<HousingDbContext> databases,
    IRepairsApi repairs,
    TriageTrees triageTrees,
    RepairSubmission submission,
    TimeProvider time,
    ILogger<RepairReportService> logger)
{
    /// <summary>The resident's report in progress, or null (none started, or not a linked resident).</summary>
    public async Task<RepairDraft?> GetDraftAsync(CancellationToken cancellationToken = default)
    {
        if (await UserAsync(cancellationToken).ConfigureAwait(false) is not { } user)
        {
            return null;
        }

        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await database.Set<RepairDraft>().AsNoTracking()
            .SingleOrDefaultAsync(d => d.UserId == user.UserId && d.State == RepairDraftState.Started, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A report the resident sent (or that is waiting to be sent), for its confirmation page.</summary>
    public async Task<RepairDraft?> GetSubmittedAsync(Guid draftId, CancellationToken cancellationToken = default)
    {
        if (await UserAsync(cancellationToken).ConfigureAwait(false) is not { } user)
        {
            return null;
        }

        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await database.Set<RepairDraft>().AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == draftId && d.UserId == user.UserId && d.State != RepairDraftState.Started, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Reports received but not yet passed to the council (shown as "sending").</summary>
    public async Task<IReadOnlyList<RepairDraft>> GetSendingAsync(CancellationToken cancellationToken = default)
    {
        if (await UserAsync(cancellationToken).ConfigureAwait(false) is not { } user)
        {
            return [];
        }

        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await database.Set<RepairDraft>().AsNoTracking()
            .Where(d => d.UserId == user.UserId && d.State == RepairDraftState.Received)
            .OrderBy(d => d.SubmittedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first question. Not an emergency starts (or continues) the report, with its Idempotency-Key.</summary>
    public async Task<StepResult> AnswerEmergencyAsync(EmergencyAnswer? answer, CancellationToken cancellationToken = default)
    {
        switch (answer)
        {
            case null:
                return StepResult.Problem("emergency-Gas", "Select whether it is an emergency");
            case EmergencyAnswer.Gas:
                return StepResult.GoTo(ReportPaths.Phone(PhoneReason.Gas));
            case EmergencyAnswer.OtherEmergency:
                return StepResult.GoTo(ReportPaths.Phone(PhoneReason.Emergency));
        }

        if (await UserAsync(cancellationToken).ConfigureAwait(false) is not { } user)
        {
            return StepResult.GoTo("");
        }

        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var drafts = database.Set<RepairDraft>();
        if (!await drafts.AnyAsync(d => d.UserId == user.UserId && d.State == RepairDraftState.Started, cancellationToken).ConfigureAwait(false))
        {
            var now = time.GetUtcNow().UtcDateTime;
            drafts.Add(new RepairDraft
            {
                Id = Guid.NewGuid(),
                UserId = user.UserId,
                PropertyReference = user.PropertyReference,
                IdempotencyKey = Guid.NewGuid().ToString("N"),
                State = RepairDraftState.Started,
                Emergency = EmergencyAnswer.NotEmergency,
                CreatedAt = now,
                UpdatedAt = now,
            });
            try
            {
                await database.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // A second tab started the report at the same moment: carry on with that one.
            }
        }

        return StepResult.GoTo(ReportPaths.Where);
    }

    public async Task<StepResult> ChooseRepairTypeAsync(RepairType? type, bool change, CancellationToken cancellationToken = default)
    {
        if (type is not { } chosen)
        {
            return StepResult.Problem("where-Tenant", "Select where the repair is");
        }

        var draft = await UpdateAsync(d =>
        {
            if (d.RepairType != chosen)
            {
                ClearTriage(d);
                d.RepairType = chosen;
            }
        }, cancellationToken).ConfigureAwait(false);
        return draft is null ? StepResult.GoTo(ReportPaths.Start)
            : StepResult.GoTo(change && draft.SorCode is not null ? ReportPaths.Check : ReportPaths.Triage(0));
    }

    /// <summary>The question at <paramref name="level"/> of the triage tree; null when the API cannot give the tree.</summary>
    public async Task<TriageQuestion?> GetTriageQuestionAsync(RepairDraft draft, int level, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (await TreeAsync(draft, cancellationToken).ConfigureAwait(false) is not { } tree
            || TriageTrees.OptionsAt(tree, draft.TriageValues, level) is not { } options)
        {
            return null;
        }

        var heading = level switch
        {
            0 when draft.RepairType == RepairType.Communal => "Which shared area is the problem in?",
            0 => "Which room is the problem in?",
            1 => "What is the problem with?",
            _ => "Which of these best describes the problem?",
        };
        var chosen = level < draft.TriageValues.Count ? draft.TriageValues[level] : null;
        return new TriageQuestion(level, heading, options, chosen);
    }

    /// <summary>
    /// Open repairs already reported in the resident's building, shown before they report a shared-area problem so
    /// they need not report it again. Empty when the home is not in a block; null when the council API cannot say.
    /// </summary>
    public async Task<IReadOnlyList<Home.RepairSummary>?> GetBuildingRepairsAsync(RepairDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        try
        {
            using var response = await repairs.GetPropertyAsync(draft.PropertyReference, cancellationToken).ConfigureAwait(false);
            if (CouncilApiFailures.ContentOrThrow(response, "the property").Property.BlockReference is not { } block)
            {
                return [];
            }

            var today = UkFormat.Today(time);
            var workOrders = await repairs.ListWorkOrdersAsync(block, cancellationToken: cancellationToken).ConfigureAwait(false);
            return workOrders.Where(w => w.PropertyReference == block && WorkOrderStatus.IsOpen(w.Status))
                .OrderByDescending(w => w.DateRaised).Select(w => Home.DashboardService.ToSummary(w, today)).ToList();
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council repairs API could not list repairs in the building of {Property}.", draft.PropertyReference);
            return null;
        }
    }

    /// <summary>Saves a triage answer; a leaf also checks the home can have repairs booked online.</summary>
    public async Task<StepResult> ChooseTriageAsync(int level, string? value, CancellationToken cancellationToken = default)
    {
        var draft = await GetDraftAsync(cancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            return StepResult.GoTo(ReportPaths.Start);
        }

        var tree = await TreeAsync(draft, cancellationToken).ConfigureAwait(false);
        var options = tree is null ? null : TriageTrees.OptionsAt(tree, draft.TriageValues, level);
        if (options is null)
        {
            return StepResult.Problem("triage-0", "Sorry, we could not load the list of problems. Try again in a few minutes.");
        }

        if (options.FirstOrDefault(o => o.Value == value) is not { } chosen)
        {
            return StepResult.Problem("triage-0", "Select the option that best describes the problem");
        }

        var path = draft.TriageValues.Take(level).Append(chosen.Value).ToList();
        var issue = string.Join(": ", TriageTrees.Walk(tree!, path).Select(o => o.Display));
        if (chosen.Exit is { } exit)
        {
            return StepResult.GoTo(ReportPaths.Phone(exit switch
            {
                TriageExit.Emergency when chosen.Value.Contains("gas", StringComparison.OrdinalIgnoreCase) => PhoneReason.Gas,
                TriageExit.Emergency => PhoneReason.Emergency,
                TriageExit.UnableToBook => PhoneReason.UnableToBook,
                _ => PhoneReason.NotEligible,
            }));
        }

        if (chosen is not { SorCode: { } sorCode, Priority: { } priority })
        {
            await UpdateAsync(d =>
            {
                ClearTriage(d);
                d.TriagePath = string.Join('/', path);
            }, cancellationToken).ConfigureAwait(false);
            return StepResult.GoTo(ReportPaths.Triage(level + 1));
        }

        if (ReportRules.IsPhoneOnly(priority))
        {
            return StepResult.GoTo(ReportPaths.Phone(PhoneReason.Emergency));
        }

        var (eligibility, block) = await CanBookAtPropertyAsync(draft, cancellationToken).ConfigureAwait(false);
        if (eligibility is not null)
        {
            return eligibility;
        }

        var priorityChanged = draft.Priority != priority;
        await UpdateAsync(d =>
        {
            d.TriagePath = string.Join('/', path);
            d.SorCode = sorCode;
            d.Priority = priority;
            d.Issue = issue;
            d.BlockReference = block;
            if (priorityChanged)
            {
                d.ClearSlot(); // an urgent repair may only keep a slot inside its target
            }
        }, cancellationToken).ConfigureAwait(false);
        return StepResult.GoTo(draft.Description is null ? ReportPaths.Describe : draft.SlotReference is null && priorityChanged ? ReportPaths.Appointment : ReportPaths.Check);
    }

    public async Task<StepResult> SaveDescriptionAsync(string? description, bool change, CancellationToken cancellationToken = default)
    {
        if (ReportRules.CheckDescription(description) is { } error)
        {
            return StepResult.Problem("description", error);
        }

        var draft = await UpdateAsync(d => d.Description = description!.Trim(), cancellationToken).ConfigureAwait(false);
        return StepResult.GoTo(draft is null ? ReportPaths.Start : change ? ReportPaths.Check : ReportPaths.Photos);
    }

    public async Task<StepResult> SaveContactAsync(ContactAnswers answers, bool change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new List<FormError>();
        void Check(string field, string? error)
        {
            if (error is not null)
            {
                errors.Add(new(field, error));
            }
        }

        Check("contact-name", ReportRules.CheckName(answers.Name));
        var phoneError = ReportRules.CheckPhone(answers.Phone);
        Check("contact-phone", phoneError);
        if (answers.ConfirmBy is null)
        {
            Check("confirm-Text", "Select how you want us to confirm the repair");
        }
        else if (answers.ConfirmBy == ConfirmationChannel.Text && phoneError is null)
        {
            Check("confirm-Text", ReportRules.CheckMobileForTexts(answers.Phone!));
        }
        else if (answers.ConfirmBy == ConfirmationChannel.Email)
        {
            Check("contact-email", ReportRules.CheckEmail(answers.Email));
        }

        Check("access-notes", ReportRules.CheckAccessNotes(answers.AccessNotes));
        if (errors.Count > 0)
        {
            return new StepResult(null, errors);
        }

        var draft = await UpdateAsync(d =>
        {
            d.ContactName = answers.Name!.Trim();
            d.ContactPhone = answers.Phone!.Trim();
            d.ConfirmBy = answers.ConfirmBy;
            d.ContactEmail = answers.ConfirmBy == ConfirmationChannel.Email ? answers.Email!.Trim() : null;
            d.AccessNotes = string.IsNullOrWhiteSpace(answers.AccessNotes) ? null : answers.AccessNotes.Trim();
        }, cancellationToken).ConfigureAwait(false);
        return StepResult.GoTo(draft is null ? ReportPaths.Start : change && draft.SlotReference is not null ? ReportPaths.Check : ReportPaths.Appointment);
    }

    /// <summary>Free slots this repair may book: working days from tomorrow, and for urgent repairs only inside the target.</summary>
    public async Task<SlotChoice> GetSlotsAsync(RepairDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var today = UkFormat.Today(time);
        var latest = ReportRules.LatestAppointment(draft.Priority ?? RepairPriority.Normal, today);
        try
        {
            var days = await repairs.GetAvailableAppointmentsAsync(draft.WorkOrderReference, today.AddDays(1), latest ?? today.AddDays(60),
                cancellationToken).ConfigureAwait(false);
            return new SlotChoice(days.Where(d => d.Slots.Count > 0 && (latest is null || d.Date <= latest)).OrderBy(d => d.Date).ToList(), latest);
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council repairs API could not give appointment slots.");
            return new SlotChoice(null, latest);
        }
    }

    public async Task<StepResult> ChooseSlotAsync(string? reference, IReadOnlyList<AppointmentDay> offered, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offered);
        var day = offered.FirstOrDefault(d => d.Slots.Any(s => s.Reference == reference));
        if (day is null)
        {
            return StepResult.Problem("slot-0-0", "Select a time for the repair visit");
        }

        var slot = day.Slots.First(s => s.Reference == reference);
        var draft = await UpdateAsync(d =>
        {
            d.SlotReference = slot.Reference;
            d.SlotDate = day.Date;
            d.SlotStart = slot.Start;
            d.SlotEnd = slot.End;
        }, cancellationToken).ConfigureAwait(false);
        return StepResult.GoTo(draft is null ? ReportPaths.Start : ReportPaths.Check);
    }

    /// <summary>The first page the resident still has to answer, or null when the report is ready to check.</summary>
    public static string? FirstUnanswered(RepairDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft switch
        {
            { RepairType: null } => ReportPaths.Where,
            { SorCode: null } => ReportPaths.Triage(draft.TriageValues.Count),
            { Description: null } => ReportPaths.Describe,
            { ContactName: null } => ReportPaths.Contact,
            { SlotReference: null } => ReportPaths.Appointment,
            _ => null,
        };
    }

    /// <summary>Sends the report once, however often it is tapped; see <see cref="RepairSubmission"/>.</summary>
    public async Task<SubmitResult> SubmitAsync(CancellationToken cancellationToken = default)
    {
        var draft = await GetDraftAsync(cancellationToken).ConfigureAwait(false);
        if (draft is null || FirstUnanswered(draft) is not null)
        {
            return new SubmitResult(SubmitOutcome.NotReady, draft?.Id);
        }

        return await submission.SubmitAsync(draft.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether the resident's home can book online (null problem when it can); for a shared-area repair also the
    /// block it is raised against, which must take online repairs too. A home not in a block keeps its own reference.
    /// </summary>
    private async Task<(StepResult? Problem, string? Block)> CanBookAtPropertyAsync(RepairDraft draft, CancellationToken cancellationToken)
    {
        var propertyReference = draft.PropertyReference;
        var cannot = StepResult.GoTo(ReportPaths.Phone(PhoneReason.Property));
        try
        {
            using var response = await repairs.GetPropertyAsync(propertyReference, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return (cannot, null);
            }

            var property = CouncilApiFailures.ContentOrThrow(response, "the property");
            if (!property.Property.CanRaiseRepair || property.Tenure?.CanRaiseRepair == false)
            {
                return (cannot, null);
            }

            if (draft.RepairType != RepairType.Communal || property.Property.BlockReference is not { } block)
            {
                return (null, null);
            }

            using var blockResponse = await repairs.GetPropertyAsync(block, cancellationToken).ConfigureAwait(false);
            return CouncilApiFailures.ContentOrThrow(blockResponse, "the block").Property.CanRaiseRepair ? (null, block) : (cannot, null);
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council repairs API could not say whether property {Property} can book online.", propertyReference);
            return (StepResult.Problem("triage-0", "Sorry, we could not check your home's details just now. Try again in a few minutes."), null);
        }
    }

    private async Task<IReadOnlyList<TriageOption>?> TreeAsync(RepairDraft draft, CancellationToken cancellationToken)
    {
        try
        {
            return await triageTrees.GetAsync(repairs, draft.RepairType ?? RepairType.Tenant, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council repairs API could not give the triage tree.");
            return null;
        }
    }

    private static void ClearTriage(RepairDraft draft)
    {
        draft.TriagePath = null;
        draft.SorCode = null;
        draft.Priority = null;
        draft.Issue = null;
        draft.BlockReference = null;
    }

    /// <summary>Applies one answer to the resident's report in progress; null when there is none.</summary>
    private async Task<RepairDraft?> UpdateAsync(Action<RepairDraft> change, CancellationToken cancellationToken)
    {
        if (await UserAsync(cancellationToken).ConfigureAwait(false) is not { } user)
        {
            return null;
        }

        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var draft = await database.Set<RepairDraft>()
            .SingleOrDefaultAsync(d => d.UserId == user.UserId && d.State == RepairDraftState.Started, cancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            return null;
        }

        change(draft);
        draft.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await database.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return draft;
    }

    private async Task<TenancyLink?> UserAsync(CancellationToken cancellationToken) =>
        (await currentResident.GetAsync(cancellationToken).ConfigureAwait(false)).Link;
}
