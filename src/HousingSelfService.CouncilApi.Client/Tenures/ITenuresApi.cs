using Refit;

namespace HousingSelfService.CouncilApi.Client.Tenures;

/// <summary>Tenure information API, <c>api/v1/tenures</c>.</summary>
public interface ITenuresApi
{
    /// <summary>A tenure with its ETag (the version) in the response headers.</summary>
    [Get("/api/v1/tenures/{id}")]
    Task<IApiResponse<TenureResponse>> GetTenureAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The tenure a rent payment reference belongs to; 404 when none does.</summary>
    [Get("/api/v1/tenures/paymentReference/{paymentReference}")]
    Task<IApiResponse<TenureResponse>> GetTenureByPaymentReferenceAsync(string paymentReference, CancellationToken cancellationToken = default);

    [Patch("/api/v1/tenures/{id}/person/{personId}")]
    Task<IApiResponse> UpdateTenureForPersonAsync(Guid id, Guid personId, [Body] UpdateTenureForPersonRequest request,
        [Header(CouncilApiHeaders.IfMatch)] string ifMatch, CancellationToken cancellationToken = default);
}
