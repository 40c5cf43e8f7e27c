using Refit;

namespace HousingSelfService.CouncilApi.Client.DirectDebits;

/// <summary>Direct Debit mandates for rent accounts (<c>api/v1/directdebits</c>, after Hackney's income API).</summary>
public interface IDirectDebitsApi
{
    /// <summary>Every mandate the rent account has had, newest first.</summary>
    [Get("/api/v1/directdebits")]
    Task<DirectDebitsResponse> GetDirectDebitsAsync(Guid targetId, CancellationToken cancellationToken = default);

    /// <summary>Sets up a mandate, cancelling the active one if there is one (a change). Retried safely with the same key.</summary>
    [Post("/api/v1/directdebits")]
    Task<IApiResponse<DirectDebitMandate>> CreateDirectDebitAsync([Query] Guid targetId, [Body] CreateDirectDebitRequest request,
        [Header(CouncilApiHeaders.IdempotencyKey)] string idempotencyKey, CancellationToken cancellationToken = default);

    [Delete("/api/v1/directdebits/{id}")]
    Task<IApiResponse> CancelDirectDebitAsync(Guid id, [Query] Guid targetId, CancellationToken cancellationToken = default);
}
