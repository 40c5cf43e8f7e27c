using System.Net;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Home;
using HousingSelfService.Web.Infrastructure;

namespace HousingSelfService.Web.Features.Repairs;

/// <summary>
/// Repairs feature boundary. A repair is shown only when its property reference is the signed-in resident's
/// linked property; anything else looks exactly like an unknown reference, so references cannot be probed.
/// </summary>
public sealed class RepairsService(CurrentResident currentResident, IRepairsApi repairs, TimeProvider time, ILogger<RepairsService> logger)
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
        WorkOrder workOrder;
        try
        {
            using var response = await repairs.GetWorkOrderAsync(reference, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return RepairResult.NotFound;
            }

            workOrder = CouncilApiFailures.ContentOrThrow(response, "the work order");
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council repairs API was unavailable for repair {Reference}.", reference);
            return RepairResult.Unavailable;
        }

        if (!string.Equals(workOrder.PropertyReference, link.PropertyReference, StringComparison.Ordinal))
        {
            logger.LogInformation("User {UserId} asked for repair {Reference}, which is not at their property.", link.UserId, reference);
            return RepairResult.NotFound;
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

        return new RepairResult(RepairLookup.Found, new RepairDetail(
            DashboardService.ToSummary(workOrder, UkFormat.Today(time)),
            workOrder.TradeDescription,
            PriorityInWords(workOrder.PriorityCode),
            workOrder.LastUpdated is { } updated ? DateOnly.FromDateTime(updated) : null,
            notes));
    }

    internal static string PriorityInWords(int priorityCode) => priorityCode switch
    {
        RepairPriority.Immediate => "Immediate: same day",
        RepairPriority.Emergency => "Emergency: within 1 day",
        RepairPriority.Urgent => "Urgent: within 5 working days",
        RepairPriority.Normal => "Normal: within 21 days",
        RepairPriority.DampAndMould => "Damp and mould: investigated quickly, as the law requires",
        _ => "Normal",
    };
}
