using HousingSelfService.CouncilApi.Client.DirectDebits;
using HousingSelfService.Web.Infrastructure;

namespace HousingSelfService.Web.Features.Rent.DirectDebits;

/// <summary>The resident's active Direct Debit, if any.</summary>
public sealed record DirectDebitState(DirectDebitMandate? Active);

/// <summary>
/// Direct Debit for the signed-in resident's own rent account only (from the tenancy link, never a URL). Details are
/// checked before sending; the council keeps only the last 4 digits of the account number.
/// </summary>
public sealed class DirectDebitService(CurrentResident currentResident, IDirectDebitsApi directDebits, ILogger<DirectDebitService> logger)
{
    public Task<RentResult<DirectDebitState>> GetAsync(CancellationToken cancellationToken = default) =>
        ForResidentAsync(async tenureId =>
        {
            var response = await directDebits.GetDirectDebitsAsync(tenureId, cancellationToken).ConfigureAwait(false);
            return new DirectDebitState(response.Results.FirstOrDefault(m => m.Status == MandateStatus.Active && m.TargetId == tenureId));
        }, cancellationToken);

    /// <summary>Sets up (or changes to) a new mandate. <paramref name="attemptId"/> is the Idempotency-Key: one form, one mandate.</summary>
    public Task<RentResult<DirectDebitState>> SetUpAsync(Guid attemptId, CreateDirectDebitRequest request, CancellationToken cancellationToken = default) =>
        ForResidentAsync(async tenureId =>
        {
            using var response = await directDebits.CreateDirectDebitAsync(tenureId, request, attemptId.ToString(), cancellationToken).ConfigureAwait(false);
            return new DirectDebitState(CouncilApiFailures.ContentOrThrow(response, "the new Direct Debit"));
        }, cancellationToken);

    public Task<RentResult<DirectDebitState>> CancelAsync(Guid mandateId, CancellationToken cancellationToken = default) =>
        ForResidentAsync(async tenureId =>
        {
            using var response = await directDebits.CancelDirectDebitAsync(mandateId, tenureId, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessful)
            {
                throw response.Error ?? (Exception)new CouncilDataUnavailableException("The Direct Debit was not cancelled.");
            }

            return new DirectDebitState(null);
        }, cancellationToken);

    private async Task<RentResult<DirectDebitState>> ForResidentAsync(Func<Guid, Task<DirectDebitState>> act, CancellationToken cancellationToken)
    {
        var viewer = await currentResident.GetAsync(cancellationToken).ConfigureAwait(false);
        if (viewer is not { Kind: ViewerKind.Resident, Link: { } link })
        {
            return RentResult.NotLinked<DirectDebitState>();
        }

        try
        {
            return RentResult.Found(await act(link.TenureId).ConfigureAwait(false));
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council Direct Debit API was unavailable.");
            return RentResult.Unavailable<DirectDebitState>();
        }
    }
}
