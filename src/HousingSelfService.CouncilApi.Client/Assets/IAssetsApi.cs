using Refit;

namespace HousingSelfService.CouncilApi.Client.Assets;

/// <summary>Asset information API, <c>api/v1/assets</c>.</summary>
public interface IAssetsApi
{
    [Get("/api/v1/assets/{id}")]
    Task<IApiResponse<AssetResponse>> GetAssetAsync(Guid id, CancellationToken cancellationToken = default);

    [Get("/api/v1/assets/assetId/{propertyReference}")]
    Task<IApiResponse<AssetResponse>> GetAssetByPropertyReferenceAsync(string propertyReference, CancellationToken cancellationToken = default);
}
