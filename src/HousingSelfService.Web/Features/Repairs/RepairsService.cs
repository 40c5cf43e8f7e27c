using System.Globalization;
using System.Net;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Home;
using HousingSelfService.Web.Features.Repairs.Report;
using HousingSelfService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.Web.Features.Repairs;

/// <summary>
/// Repairs feature boundary. A repair is shown or changed only when its property reference is the signed-in
/// resident's linked property; anything else looks exactly like an unknown reference, so references cannot be probed.
/// </summary>
public sealed class RepairsService(CurrentResident currentResident, IRepairsApi repairs, IDbContextFactory<HousingDbContext> databases,
    TimeProvider time, ILogger<RepairsService> logger)
{
    public async Task<RepairResult> GetRepairAsync(int reference, CancellationToken cancellationToken = default)
    {
        var viewer = await currentResident.GetAsync(cancellationToken).ConfigureAwait(false);
        return viewer.Link is { } link
            ? await GetRepairForLinkAsync(link, reference, cancellationToken).ConfigureAwait(false)
            : RepairResult.NotLinked;
    }

    public async Task<RepairResult> GetRepairForLinkAsync(TenancyLink link, int reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        var (outcome, workOrder) = await LoadOwnAsync(link, reference, cancellationToken).ConfigureAwait(false);
        if (workOrder is null)
        {
            return new RepairResult(outcome, null);
        }

        IReadOnlyList<RepairNote>? notes;
        try
        {
            var found = await repairs.GetNotesAsync(reference, cancellationToken).ConfigureAwait(false);
            notes = found.OrderByDescending(n => n.Time).Select(n => new RepairNote(DateOnly.FromDateTime(n.Time), n.Note)).ToList();
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council repairs API could not give the notes for repair {Reference}.", reference);
            notes = null;
        }

        IReadOnlyList<WorkOrderImage>? photos;
        try
        {
            using var found = await repairs.ListImagesAsync(reference, cancellationToken).ConfigureAwait(false);
            photos = CouncilApiFailures.ContentOrThrow(found, "the repair's photos");
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council repairs API could not list the photos for repair {Reference}.", reference);
            photos = null;
        }

        return new RepairResult(RepairLookup.Found, new RepairDetail(
            DashboardService.ToSummary(workOrder, UkFormat.Today(time)),
            workOrder.TradeDescription,
            PriorityInWords(workOrder.PriorityCode),
            workOrder.LastUpdated is { } updated ? DateOnly.FromDateTime(updated) : null,
            notes)
        {
            CanChangeAppointment = CanChangeAppointment(workOrder),
            CanCancel = WorkOrderStatus.IsOpen(workOrder.Status),
            Photos = photos,
        });
    }

    /// <summary>One photo of the resident's own repair; null for another household's repair or an image of another repair.</summary>
    public async Task<RepairPhotoFile?> GetPhotoAsync(TenancyLink link, int reference, int imageId, CancellationToken cancellationToken = default)
    {
        var (_, workOrder) = await LoadOwnAsync(link, reference, cancellationToken).ConfigureAwait(false);
        if (workOrder is null)
        {
            return null;
        }

        try
        {
            using var response = await repairs.GetImageAsync(reference, imageId, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? new RepairPhotoFile(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false),
                    response.Content.Headers.ContentType?.MediaType ?? WorkOrderImageTypes.Jpeg)
                : null;
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council repairs API could not give photo {Image} of repair {Reference}.", imageId, reference);
            return null;
        }
    }

    /// <summary>The resident's repairs, open or closed, newest first.</summary>
    public async Task<RepairList> ListAsync(bool closed, CancellationToken cancellationToken = default)
    {
        if ((await currentResident.GetAsync(cancellationToken).ConfigureAwait(false)).Link is not { } link)
        {
            return new RepairList(RepairLookup.NotLinked, []);
        }

        try
        {
            var today = UkFormat.Today(time);
            var workOrders = await repairs.ListWorkOrdersAsync(link.PropertyReference, cancellationToken: cancellationToken).ConfigureAwait(false);
            var shared = await RaisedInBlockAsync(link, cancellationToken).ConfigureAwait(false);
            foreach (var block in shared.Select(r => r.Block).Distinct())
            {
                var inBlock = await repairs.ListWorkOrdersAsync(block, cancellationToken: cancellationToken).ConfigureAwait(false);
                workOrders = [.. workOrders, .. inBlock.Where(w => shared.Contains((block, w.Reference)))];
            }

            return new RepairList(RepairLookup.Found, workOrders
                .Where(w => (string.Equals(w.PropertyReference, link.PropertyReference, StringComparison.Ordinal) || shared.Contains((w.PropertyReference, w.Reference)))
                    && WorkOrderStatus.IsOpen(w.Status) != closed)
                .OrderByDescending(w => w.DateRaised)
                .Select(w => DashboardService.ToSummary(w, today))
                .ToList());
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council repairs API could not list repairs.");
            return new RepairList(RepairLookup.Unavailable, []);
        }
    }

    /// <summary>Times the resident may move a repair's visit to: free slots, and for urgent repairs only up to the target date.</summary>
    public async Task<RebookChoice> GetRebookSlotsAsync(int reference, CancellationToken cancellationToken = default)
    {
        var (outcome, workOrder) = await LoadOwnAsync(reference, cancellationToken).ConfigureAwait(false);
        if (workOrder is null)
        {
            return new RebookChoice(outcome, null, null);
        }

        if (!CanChangeAppointment(workOrder))
        {
            return new RebookChoice(RepairLookup.Found, workOrder, new SlotChoice([], null)) { NotAllowed = true };
        }

        var today = UkFormat.Today(time);
        DateOnly? latest = workOrder.PriorityCode == RepairPriority.Urgent && workOrder.Target is { } target ? DateOnly.FromDateTime(target) : null;
        try
        {
            var days = await repairs.GetAvailableAppointmentsAsync(reference, today.AddDays(1), latest ?? today.AddDays(60), cancellationToken).ConfigureAwait(false);
            var current = workOrder.Appointment;
            return new RebookChoice(RepairLookup.Found, workOrder, new SlotChoice(days
                .Select(d => d with { Slots = d.Slots.Where(s => current is null || d.Date != current.Date || s.Start != current.Start).ToList() })
                .Where(d => d.Slots.Count > 0 && (latest is null || d.Date <= latest)).OrderBy(d => d.Date).ToList(), latest));
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council repairs API could not give slots for repair {Reference}.", reference);
            return new RebookChoice(RepairLookup.Found, workOrder, new SlotChoice(null, latest));
        }
    }

    /// <summary>Moves the visit to <paramref name="slot"/>; a slot someone else took meanwhile gets its own answer.</summary>
    public async Task<RepairChangeOutcome> RebookAsync(int reference, string? slot, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(slot))
        {
            return RepairChangeOutcome.Invalid;
        }

        var (_, workOrder) = await LoadOwnAsync(reference, cancellationToken).ConfigureAwait(false);
        if (workOrder is null)
        {
            return RepairChangeOutcome.NotFound;
        }

        if (!CanChangeAppointment(workOrder))
        {
            return RepairChangeOutcome.NotAllowed;
        }

        try
        {
            // Not retried (no Idempotency-Key), but booking the same slot twice is harmless: it replaces the appointment.
            using var response = await repairs.BookAppointmentAsync(new BookAppointmentRequest(
                new WorkOrderReference(reference.ToString(CultureInfo.InvariantCulture)), new AppointmentReference(slot)), cancellationToken).ConfigureAwait(false);
            return response.StatusCode switch
            {
                _ when response.IsSuccessful => RepairChangeOutcome.Done,
                HttpStatusCode.BadRequest or HttpStatusCode.NotFound => RepairChangeOutcome.SlotTaken,
                HttpStatusCode.Conflict => RepairChangeOutcome.NotAllowed,
                _ => RepairChangeOutcome.Unavailable,
            };
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council repairs API could not move the visit for repair {Reference}.", reference);
            return RepairChangeOutcome.Unavailable;
        }
    }

    public const int MaxCancelReasonLength = 500;

    public static string? CheckCancelReason(string? reason)
    {
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "Select or enter why you want to cancel the repair";
        }

        if (trimmed.Length > MaxCancelReasonLength)
        {
            return $"The reason must be {MaxCancelReasonLength} characters or fewer";
        }

        return ReportRules.LooksLikeMarkup(trimmed) ? "The reason must not include the characters < or >, or web code" : null;
    }

    public async Task<RepairChangeOutcome> CancelAsync(int reference, string? reason, CancellationToken cancellationToken = default)
    {
        if (CheckCancelReason(reason) is not null)
        {
            return RepairChangeOutcome.Invalid;
        }

        var (_, workOrder) = await LoadOwnAsync(reference, cancellationToken).ConfigureAwait(false);
        if (workOrder is null)
        {
            return RepairChangeOutcome.NotFound;
        }

        if (!WorkOrderStatus.IsOpen(workOrder.Status))
        {
            return RepairChangeOutcome.NotAllowed;
        }

        try
        {
            using var response = await repairs.CompleteWorkOrderAsync(new WorkOrderCompleteRequest(
                new WorkOrderReference(reference.ToString(CultureInfo.InvariantCulture)),
                [new JobStatusUpdate("cancel", $"Cancelled by the resident online: {reason!.Trim()}")]), cancellationToken).ConfigureAwait(false);
            return response.StatusCode switch
            {
                _ when response.IsSuccessful => RepairChangeOutcome.Done,
                HttpStatusCode.Conflict => RepairChangeOutcome.NotAllowed,
                HttpStatusCode.BadRequest => RepairChangeOutcome.Invalid,
                _ => RepairChangeOutcome.Unavailable,
            };
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council repairs API could not cancel repair {Reference}.", reference);
            return RepairChangeOutcome.Unavailable;
        }
    }

    /// <summary>Visits can be moved while the work is going ahead or after a missed visit; not while waiting for approval or on hold.</summary>
    internal static bool CanChangeAppointment(WorkOrder workOrder) =>
        WorkOrderStatus.CodeOf(workOrder.Status) is WorkOrderStatus.InProgress or WorkOrderStatus.NoAccess;

    private async Task<(RepairLookup, WorkOrder?)> LoadOwnAsync(int reference, CancellationToken cancellationToken) =>
        (await currentResident.GetAsync(cancellationToken).ConfigureAwait(false)).Link is { } link
            ? await LoadOwnAsync(link, reference, cancellationToken).ConfigureAwait(false)
            : (RepairLookup.NotLinked, null);

    /// <summary>The work order when it is at the resident's property; otherwise "not found", exactly as for an unknown reference.</summary>
    private async Task<(RepairLookup, WorkOrder?)> LoadOwnAsync(TenancyLink link, int reference, CancellationToken cancellationToken)
    {
        WorkOrder workOrder;
        try
        {
            using var response = await repairs.GetWorkOrderAsync(reference, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return (RepairLookup.NotFound, null);
            }

            workOrder = CouncilApiFailures.ContentOrThrow(response, "the work order");
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council repairs API was unavailable for repair {Reference}.", reference);
            return (RepairLookup.Unavailable, null);
        }

        if (!string.Equals(workOrder.PropertyReference, link.PropertyReference, StringComparison.Ordinal)
            && !(await RaisedInBlockAsync(link, cancellationToken).ConfigureAwait(false)).Contains((workOrder.PropertyReference, reference)))
        {
            logger.LogInformation("User {UserId} asked for repair {Reference}, which is not at their property.", link.UserId, reference);
            return (RepairLookup.NotFound, null);
        }

        return (RepairLookup.Found, workOrder);
    }

    /// <summary>
    /// Shared-area repairs this resident reported (raised against their block, not their home): theirs to see and
    /// change, while the block's other repairs stay other people's.
    /// </summary>
    private async Task<HashSet<(string Block, int Reference)>> RaisedInBlockAsync(TenancyLink link, CancellationToken cancellationToken)
    {
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var raised = await database.Set<RepairDraft>().AsNoTracking()
            .Where(d => d.UserId == link.UserId && d.PropertyReference == link.PropertyReference && d.BlockReference != null && d.WorkOrderReference != null)
            .Select(d => new { d.BlockReference, d.WorkOrderReference }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return raised.Select(r => (r.BlockReference!, r.WorkOrderReference!.Value)).ToHashSet();
    }

    internal static string PriorityInWords(int priorityCode) => priorityCode switch
    {
        RepairPriority.Immediate => "Immediate: same day",
        RepairPriority.Emergency => "Emergency: within 1 day",
        RepairPriority.Urgent => "Urgent: within 5 working days",
        RepairPriority.Normal => "Normal: within 21 days",
        RepairPriority.DampAndMould => "Damp and mould: checked within 10 working days, as Awaab's Law requires",
        _ => "Normal",
    };
}
