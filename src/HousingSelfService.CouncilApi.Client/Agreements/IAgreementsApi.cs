using Refit;

namespace HousingSelfService.CouncilApi.Client.Agreements;

/// <summary>Payment arrangements for arrears (<c>api/v1/agreements</c>, after Hackney's lbh-income-api). The tenancy ref is the payment reference.</summary>
public interface IAgreementsApi
{
    [Get("/api/v1/agreements/{tenancyRef}")]
    Task<AgreementsResponse> GetAgreementsAsync(string tenancyRef, CancellationToken cancellationToken = default);

    /// <summary>Creates an arrangement, cancelling the live one if there is one. Retried safely with the same key.</summary>
    [Post("/api/v1/agreement/{tenancyRef}")]
    Task<IApiResponse<Agreement>> CreateAgreementAsync(string tenancyRef, [Body] CreateAgreementRequest request,
        [Header(CouncilApiHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken = default);
}
