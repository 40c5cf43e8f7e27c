using HousingSelfService.CouncilApi.Client.Agreements;
using HousingSelfService.CouncilApi.Client.Finance;
using HousingSelfService.Web.Infrastructure;

namespace HousingSelfService.Web.Features.Rent.Arrangements;

/// <summary>What the arrangement page needs: the arrears, and the arrangement in place (if any).</summary>
public sealed record ArrangementState(decimal Balance, DateOnly FirstInstalment, Agreement? Current);

/// <summary>Payment arrangements for the signed-in resident's own rent account (its payment reference comes from the tenancy link).</summary>
public sealed class ArrangementService(CurrentResident currentResident, IAgreementsApi agreements, IFinanceApi finance, TimeProvider time,
    ILogger<ArrangementService> logger)
{
    public const string Informal = "informal";

    public Task<RentResult<ArrangementState>> GetAsync(CancellationToken cancellationToken = default) =>
        ForResidentAsync(link => LoadAsync(link.TenureId, link.PaymentReference, cancellationToken), cancellationToken);

    /// <summary>Proposes an arrangement; <paramref name="attemptId"/> is the Idempotency-Key, so a double submit makes one.</summary>
    public Task<RentResult<ArrangementState>> ProposeAsync(Guid attemptId, decimal amount, AgreementFrequency frequency, CancellationToken cancellationToken = default) =>
        ForResidentAsync(async link =>
        {
            var request = new CreateAgreementRequest(Informal, amount, frequency, RentService.NextMonday(UkFormat.Today(time)), null);
            using var response = await agreements.CreateAgreementAsync(link.PaymentReference, request, attemptId.ToString(), cancellationToken).ConfigureAwait(false);
            CouncilApiFailures.ContentOrThrow(response, "the new arrangement");
            return await LoadAsync(link.TenureId, link.PaymentReference, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private async Task<ArrangementState> LoadAsync(Guid tenureId, string paymentReference, CancellationToken cancellationToken)
    {
        var accounts = finance.GetAccountsAsync(tenureId, cancellationToken);
        var list = agreements.GetAgreementsAsync(paymentReference, cancellationToken);
        var balance = (await accounts.ConfigureAwait(false)).AccountResponseList.Select(a => a.AccountBalance).FirstOrDefault();
        var current = (await list.ConfigureAwait(false)).Agreements.FirstOrDefault(a => a.CurrentState != AgreementState.Cancelled);
        return new ArrangementState(balance, RentService.NextMonday(UkFormat.Today(time)), current);
    }

    private async Task<RentResult<ArrangementState>> ForResidentAsync(Func<Data.TenancyLink, Task<ArrangementState>> act, CancellationToken cancellationToken)
    {
        var viewer = await currentResident.GetAsync(cancellationToken).ConfigureAwait(false);
        if (viewer is not { Kind: ViewerKind.Resident, Link: { } link })
        {
            return RentResult.NotLinked<ArrangementState>();
        }

        try
        {
            return RentResult.Found(await act(link).ConfigureAwait(false));
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council agreements or finance API was unavailable.");
            return RentResult.Unavailable<ArrangementState>();
        }
    }

    /// <summary>An arrangement's state in words.</summary>
    public static string StateInWords(AgreementState state) => state switch
    {
        AgreementState.Live => "Active: you are keeping to it",
        AgreementState.Breached => "Payments missed: please call us so we can help",
        AgreementState.Completed => "Completed: the rent you owed is paid off",
        _ => "Replaced by a newer arrangement",
    };

    public static string FrequencyInWords(AgreementFrequency frequency) => frequency switch
    {
        AgreementFrequency.Weekly => "every week",
        AgreementFrequency.Fortnightly => "every 2 weeks",
        AgreementFrequency.FourWeekly => "every 4 weeks",
        _ => "every month",
    };
}
