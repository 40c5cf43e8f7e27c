using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Repairs.Outbox;
using HousingSelfService.Web.Features.Repairs.Report.Photos;
using HousingSelfService.Web.Infrastructure;
using HousingSelfService.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Refit;

namespace HousingSelfService.Web.Features.Repairs.Report;

/// <summary>
/// Sends a finished report to the council: raises the work order with the draft's Idempotency-Key (so double
/// taps, retries and reconnects give one work order), then books the chosen slot. When the council API is down
/// the report goes into the outbox, in the same transaction as the draft's "received" state, and
/// <see cref="RepairOutboxSender"/> finishes the same two steps later.
/// </summary>
public sealed class RepairSubmission(
    IDbContextFactory<HousingDbContext> databases,
    IRepairsApi repairs,
    INotificationSender notifications,
    SubmissionLocks locks,
    IOptions<RepairOutboxOptions> outbox,
    TimeProvider time,
    ILogger<RepairSubmission> logger)
{
    private enum Attempt { Delivered, SlotTaken, Unavailable, Rejected }

    /// <summary>About a day of tries with the outbox's backoff (capped at five minutes); after that the page's facts stand.</summary>
    private const int MaxConfirmationAttempts = 300;

    public async Task<SubmitResult> SubmitAsync(Guid draftId, CancellationToken cancellationToken = default)
    {
        using var held = await locks.EnterAsync(draftId, cancellationToken).ConfigureAwait(false);
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var draft = await database.Set<RepairDraft>().SingleAsync(d => d.Id == draftId, cancellationToken).ConfigureAwait(false);
        if (draft.State != RepairDraftState.Started)
        {
            // Already sent or queued by an earlier tap: the same answer again.
            return new SubmitResult(draft.State == RepairDraftState.Sent ? SubmitOutcome.Sent : SubmitOutcome.Received, draft.Id);
        }

        var now = time.GetUtcNow().UtcDateTime;
        draft.LocalReference ??= NewLocalReference();
        draft.SubmittedAt ??= now;
        var payload = JsonSerializer.Serialize(ScheduleRequest(draft), CouncilApiJson.Options);
        var (attempt, problem) = await DeliverAsync(database, draft, payload, CancellationToken.None).ConfigureAwait(false);
        switch (attempt)
        {
            case Attempt.Delivered:
                MarkSent(draft, now);
                await database.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
                await ConfirmAsync(database, draft).ConfigureAwait(false);
                return new SubmitResult(SubmitOutcome.Sent, draft.Id);

            case Attempt.SlotTaken:
                // The work order exists (kept on the draft), so choosing another time only books it.
                draft.ClearSlot();
                await database.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
                return new SubmitResult(SubmitOutcome.SlotTaken, draft.Id);

            case Attempt.Unavailable:
                draft.State = RepairDraftState.Received;
                database.Set<OutboxMessage>().Add(new OutboxMessage { Id = Guid.NewGuid(), DraftId = draft.Id, Payload = payload, CreatedAt = now });
                await database.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false); // one transaction: state and outbox row together
                logger.LogWarning("Repair report {LocalReference} is in the outbox: the council repairs API is unavailable.", draft.LocalReference);
                return new SubmitResult(SubmitOutcome.Received, draft.Id);

            default:
                await database.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
                return new SubmitResult(SubmitOutcome.Failed, draft.Id, problem);
        }
    }

    /// <summary>Delivers one claimed outbox row; true when it is done with (delivered, or refused for good).</summary>
    public async Task<bool> DeliverQueuedAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var message = await database.Set<OutboxMessage>().SingleAsync(m => m.Id == messageId, cancellationToken).ConfigureAwait(false);
        using var held = await locks.EnterAsync(message.DraftId, cancellationToken).ConfigureAwait(false);
        var draft = await database.Set<RepairDraft>().SingleAsync(d => d.Id == message.DraftId, cancellationToken).ConfigureAwait(false);
        var (attempt, problem) = await DeliverAsync(database, draft, message.Payload, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow().UtcDateTime;
        message.LeaseOwner = null;
        message.LeaseUntil = null;
        if (attempt == Attempt.Unavailable)
        {
            message.NextAttemptAt = now + outbox.Value.RetryDelayAfter(message.Attempts);
            message.LastError = "The council repairs API was unavailable.";
            await database.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            return false;
        }

        // Delivered; or the slot went while we waited, so the repair is raised and the team arranges a time.
        message.DeliveredAt = now;
        message.LastError = problem ?? (attempt == Attempt.SlotTaken ? "The chosen slot was taken before the report could be sent." : null);
        if (attempt == Attempt.Rejected)
        {
            logger.LogError("The council refused queued repair report {LocalReference}: {Problem}", draft.LocalReference, problem);
        }
        else
        {
            MarkSent(draft, now);
        }

        await database.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        if (draft.State == RepairDraftState.Sent)
        {
            await ConfirmAsync(database, draft).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>
    /// Sent, with the confirmation already due for a retry one lease from now, in the same save: if this process
    /// stops before the confirmation goes, the outbox sender sends it later instead of it being lost.
    /// </summary>
    private void MarkSent(RepairDraft draft, DateTime now)
    {
        draft.State = RepairDraftState.Sent;
        if (draft.ConfirmationSentAt is null)
        {
            draft.ConfirmationRetryAt ??= now + outbox.Value.Lease;
        }
    }

    private async Task<(Attempt, string?)> DeliverAsync(HousingDbContext database, RepairDraft draft, string payload, CancellationToken cancellationToken)
    {
        if (draft.WorkOrderReference is null)
        {
            var request = JsonSerializer.Deserialize<ScheduleRepairRequest>(payload, CouncilApiJson.Options)!;
            try
            {
                using var response = await repairs.ScheduleRepairAsync(request, draft.IdempotencyKey, cancellationToken).ConfigureAwait(false);
                if (response is { IsSuccessful: true, Content: { } raised })
                {
                    draft.WorkOrderReference = raised.Id;
                }
                else if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity)
                {
                    logger.LogError("The council refused repair report {Draft}: {Body}", draft.Id, response.Error?.Message);
                    return (Attempt.Rejected, "The repairs team's system did not accept this report. Call us to report the repair.");
                }
                else
                {
                    // 409 (an earlier attempt with this key still in flight) or a server error: try again later, same key.
                    return (Attempt.Unavailable, null);
                }
            }
            catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
            {
                logger.LogWarning(exception, "The council repairs API could not raise repair report {Draft}.", draft.Id);
                return (Attempt.Unavailable, null);
            }
        }

        if (!await UploadPhotosAsync(database, draft, cancellationToken).ConfigureAwait(false))
        {
            return (Attempt.Unavailable, null);
        }

        if (draft.AppointmentBooked || draft.SlotReference is not { } slot)
        {
            return (Attempt.Delivered, null);
        }

        try
        {
            using var response = await repairs.BookAppointmentAsync(new BookAppointmentRequest(
                new WorkOrderReference(draft.WorkOrderReference.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new AppointmentReference(slot)), cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessful)
            {
                draft.AppointmentBooked = true;
                return (Attempt.Delivered, null);
            }

            return response.StatusCode switch
            {
                HttpStatusCode.BadRequest or HttpStatusCode.NotFound => (Attempt.SlotTaken, null),
                HttpStatusCode.Conflict => (Attempt.Rejected, "This repair is already closed, so no visit can be booked."),
                _ => (Attempt.Unavailable, null),
            };
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council repairs API could not book a slot for work order {Reference}.", draft.WorkOrderReference);
            return (Attempt.Unavailable, null);
        }
    }

    /// <summary>
    /// Sends the report's photos not yet sent to its work order, each with its own Idempotency-Key, so a retry
    /// (here or from the outbox) never stores one twice. False when the council API is unavailable: try again later.
    /// </summary>
    private async Task<bool> UploadPhotosAsync(HousingDbContext database, RepairDraft draft, CancellationToken cancellationToken)
    {
        var pending = await database.Set<RepairPhoto>().Where(p => p.DraftId == draft.Id && p.CouncilImageId == null)
            .OrderBy(p => p.Position).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var photo in pending)
        {
            try
            {
                using var response = await repairs.UploadImageAsync(draft.WorkOrderReference!.Value,
                    new ByteArrayPart(photo.Content, photo.FileName, WorkOrderImageTypes.Jpeg), $"{draft.IdempotencyKey}/photo/{photo.Id:N}",
                    cancellationToken).ConfigureAwait(false);
                if (response is { IsSuccessful: true, Content: { } image })
                {
                    photo.CouncilImageId = image.Id;
                    photo.Content = []; // the council has it now; keep no second copy
                }
                else if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge
                         or HttpStatusCode.UnsupportedMediaType or HttpStatusCode.UnprocessableEntity)
                {
                    // Refused for good: the repair matters more than the photo, so send the report without it.
                    logger.LogError("The council refused photo {Position} of repair report {LocalReference}: {Body}", photo.Position, draft.LocalReference, response.Error?.Message);
                    database.Remove(photo);
                }
                else
                {
                    return false; // 409 (the same upload still in flight) or a server error
                }
            }
            catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
            {
                logger.LogWarning(exception, "The council repairs API could not take the photos for work order {Reference}.", draft.WorkOrderReference);
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Tries again the confirmations that failed to send (called each round by <see cref="RepairOutboxSender"/>).
    /// Each is claimed first by moving its retry time on, only if it is still due, so two instances never both send it.
    /// </summary>
    public async Task<int> RetryConfirmationsAsync(CancellationToken cancellationToken = default)
    {
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow().UtcDateTime;
        var due = await database.Set<RepairDraft>().Where(d => d.ConfirmationSentAt == null && d.ConfirmationRetryAt <= now)
            .OrderBy(d => d.ConfirmationRetryAt).Select(d => d.Id).Take(20).ToListAsync(cancellationToken).ConfigureAwait(false);
        var sent = 0;
        foreach (var id in due)
        {
            using var held = await locks.EnterAsync(id, cancellationToken).ConfigureAwait(false);
            var claimed = await database.Set<RepairDraft>().Where(d => d.Id == id && d.ConfirmationSentAt == null && d.ConfirmationRetryAt <= now)
                .ExecuteUpdateAsync(row => row.SetProperty(d => d.ConfirmationRetryAt, now + outbox.Value.Lease), cancellationToken).ConfigureAwait(false);
            if (claimed == 1)
            {
                var draft = await database.Set<RepairDraft>().SingleAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
                await ConfirmAsync(database, draft).ConfigureAwait(false);
                sent += draft.ConfirmationSentAt is null ? 0 : 1;
            }
        }

        return sent;
    }

    /// <summary>
    /// The confirmation text or email, sent once per report. If Notify is down or rate limited it is tried again later,
    /// with the outbox's backoff; a message Notify refuses for good (bad number, bad key) is logged, not retried.
    /// </summary>
    private async Task ConfirmAsync(HousingDbContext database, RepairDraft draft)
    {
        if (draft.ConfirmationSentAt is not null)
        {
            return;
        }

        var personalisation = new Dictionary<string, string>
        {
            ["reference"] = ReportWording.Reference(draft),
            ["issue"] = draft.Issue ?? "",
            ["appointment"] = ReportWording.Appointment(draft),
            ["next"] = ReportWording.WhatHappensNext(draft),
        };
        try
        {
            _ = draft.ConfirmBy == ConfirmationChannel.Email && draft.ContactEmail is { } email
                ? await notifications.SendEmailAsync(email, RepairTemplates.EmailId, personalisation, draft.LocalReference).ConfigureAwait(false)
                : await notifications.SendSmsAsync(draft.ContactPhone!, RepairTemplates.SmsId, personalisation, draft.LocalReference).ConfigureAwait(false);
            draft.ConfirmationSentAt = time.GetUtcNow().UtcDateTime;
            draft.ConfirmationRetryAt = null;
        }
        catch (NotificationException exception)
        {
            draft.ConfirmationAttempts++;
            var retry = exception.IsTransient && draft.ConfirmationAttempts < MaxConfirmationAttempts;
            draft.ConfirmationRetryAt = retry ? time.GetUtcNow().UtcDateTime + outbox.Value.RetryDelayAfter(draft.ConfirmationAttempts) : null;
            logger.Log(retry ? LogLevel.Warning : LogLevel.Error, exception, "The confirmation for repair report {LocalReference} could not be sent (attempt {Attempt}); {Next}.",
                draft.LocalReference, draft.ConfirmationAttempts, retry ? "it will be tried again" : "giving up");
        }

        await database.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }

    internal static ScheduleRepairRequest ScheduleRequest(RepairDraft draft)
    {
        var priority = draft.Priority ?? RepairPriority.Normal;
        var raised = draft.SubmittedAt ?? draft.CreatedAt;
        var days = (int)Math.Ceiling((RepairPriority.Target(priority, raised) - raised).TotalDays);
        return new ScheduleRepairRequest
        {
            Reference = [new Reference(draft.LocalReference ?? draft.Id.ToString("N"))],
            DescriptionOfWork = draft.Description!,
            Priority = new Priority(priority, RepairPriority.Text(priority), days),
            WorkElement = [new WorkElement([new RateScheduleItem(draft.SorCode!, 1)], [])],
            Site = new Site([new SiteProperty(draft.BlockReference ?? draft.PropertyReference)]), // shared areas: the block
            Customer = new Customer(draft.ContactName!, new CustomerPerson([new Communication(draft.ContactPhone!)])),
            LocationOfRepair = draft.RepairType == RepairType.Communal ? $"Shared area: {draft.Issue}" : draft.Issue,
            AccessInformation = draft.AccessNotes,
        };
    }

    /// <summary>A short reference residents can read out on the phone (no 0/O or 1/I to mix up).</summary>
    private static string NewLocalReference() => "HSS-" + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 8);
}

/// <summary>
/// Serialises work on one report inside this instance (double taps, a tab and the outbox sender); across instances
/// the Idempotency-Key keeps the council to one work order. Striped, so memory stays fixed.
/// </summary>
public sealed class SubmissionLocks : IDisposable
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> EnterAsync(Guid draftId, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(draftId.GetHashCode() & int.MaxValue) % _stripes.Length];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(stripe);
    }

    public void Dispose()
    {
        foreach (var stripe in _stripes)
        {
            stripe.Dispose();
        }
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
