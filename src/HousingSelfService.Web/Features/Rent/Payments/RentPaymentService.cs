using HousingSelfService.CouncilApi.Client.Payments;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.Web.Features.Rent.Payments;

/// <summary>How a card payment ended, in the resident's terms.</summary>
public enum PaymentResultKind { Success, Declined, Cancelled, Error, NotFinished }

public sealed record PaymentResult(PaymentResultKind Kind, decimal Amount, string PaymentReference, string? ContinueUrl);

/// <summary>What starting a payment gave: the provider's card page to go to, or why not.</summary>
public sealed record PaymentStart(string? NextUrl, RentOutcome Outcome);

/// <summary>
/// Card payments for the signed-in resident's own rent account, through the GOV.UK Pay-shaped payments API. One
/// attempt id per payment form is the Idempotency-Key, so a double submit or a retry creates one payment, not two.
/// </summary>
public sealed class RentPaymentService(CurrentResident currentResident, IPaymentsApi payments, IDbContextFactory<HousingDbContext> databases,
    TimeProvider time, ILogger<RentPaymentService> logger)
{
    public async Task<PaymentStart> StartAsync(Guid attemptId, decimal amount, Uri appBase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appBase);
        if (PaymentAmount.Parse(amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)).Amount is null)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount was not checked before paying.");
        }

        var viewer = await currentResident.GetAsync(cancellationToken).ConfigureAwait(false);
        if (viewer is not { Kind: ViewerKind.Resident, Link: { } link, UserId: { } userId })
        {
            return new PaymentStart(null, RentOutcome.NotLinked);
        }

        try
        {
            var request = new CreatePaymentRequest(PaymentAmount.ToPence(amount), link.PaymentReference, "Rent payment",
                new Uri(appBase, $"rent/pay/result/{attemptId}").ToString());
            using var response = await payments.CreatePaymentAsync(request, attemptId.ToString(), cancellationToken).ConfigureAwait(false);
            var payment = CouncilApiFailures.ContentOrThrow(response, "a payment");
            await RememberAsync(attemptId, userId, link, payment, cancellationToken).ConfigureAwait(false);
            return payment.Links.NextUrl is { } next
                ? new PaymentStart(next.Href, RentOutcome.Found)
                : new PaymentStart(request.ReturnUrl, RentOutcome.Found); // already finished: show its result
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The payments API was unavailable when starting a card payment.");
            return new PaymentStart(null, RentOutcome.Unavailable);
        }
    }

    /// <summary>The payment's real state, read from the provider; only for a payment this resident started.</summary>
    public async Task<RentResult<PaymentResult>> GetResultAsync(Guid attemptId, CancellationToken cancellationToken = default)
    {
        var viewer = await currentResident.GetAsync(cancellationToken).ConfigureAwait(false);
        if (viewer is not { Kind: ViewerKind.Resident, Link: { } link, UserId: { } userId })
        {
            return RentResult.NotFound<PaymentResult>();
        }

        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var record = await database.Set<RentPaymentRecord>().AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == attemptId && p.UserId == userId && p.TenureId == link.TenureId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return RentResult.NotFound<PaymentResult>();
        }

        try
        {
            using var response = await payments.GetPaymentAsync(record.PaymentId, cancellationToken).ConfigureAwait(false);
            var payment = CouncilApiFailures.ContentOrThrow(response, "the payment");
            if (payment.Reference != link.PaymentReference)
            {
                return RentResult.NotFound<PaymentResult>();
            }

            var kind = payment.State.Status switch
            {
                PaymentStatus.Success => PaymentResultKind.Success,
                PaymentStatus.Failed => PaymentResultKind.Declined,
                PaymentStatus.Cancelled => PaymentResultKind.Cancelled,
                PaymentStatus.Error => PaymentResultKind.Error,
                _ => PaymentResultKind.NotFinished,
            };
            return RentResult.Found(new PaymentResult(kind, payment.Amount / 100m, payment.Reference, payment.Links.NextUrl?.Href));
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The payments API was unavailable when checking a card payment.");
            return RentResult.Unavailable<PaymentResult>();
        }
    }

    private async Task RememberAsync(Guid attemptId, string userId, TenancyLink link, Payment payment, CancellationToken cancellationToken)
    {
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // A second submit of the same form gets the same payment back from the API; it is already recorded.
        if (await IsRecordedAsync(attemptId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        database.Add(new RentPaymentRecord
        {
            Id = attemptId,
            UserId = userId,
            TenureId = link.TenureId,
            PaymentId = payment.PaymentId,
            AmountInPence = payment.Amount,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await database.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Two submits at once: fine if the other one recorded it first.
            if (!await IsRecordedAsync(attemptId, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }
        }
    }

    private async Task<bool> IsRecordedAsync(Guid attemptId, CancellationToken cancellationToken)
    {
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await database.Set<RentPaymentRecord>().AnyAsync(p => p.Id == attemptId, cancellationToken).ConfigureAwait(false);
    }
}
