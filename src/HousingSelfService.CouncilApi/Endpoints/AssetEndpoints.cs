using HousingSelfService.CouncilApi.Client.Assets;
using HousingSelfService.CouncilApi.Data;
using HousingSelfService.CouncilApi.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.CouncilApi.Endpoints;

/// <summary>Asset information API, <c>api/v1/assets</c>.</summary>
public static class AssetEndpoints
{
    public static void MapAssets(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/assets/{id:guid}", async (Guid id, HttpContext context, CouncilDbContext database, CancellationToken cancellationToken) =>
        {
            var asset = await database.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            return asset is null
                ? ApiErrors.NotFound(context, $"Asset {id}")
                : await RespondAsync(asset, context, database, cancellationToken);
        });
        routes.MapGet("/api/v1/assets/assetId/{propertyReference}", async (string propertyReference, HttpContext context,
            CouncilDbContext database, CancellationToken cancellationToken) =>
        {
            var asset = await database.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.PropertyReference == propertyReference, cancellationToken);
            return asset is null
                ? ApiErrors.NotFound(context, $"Asset with property reference {propertyReference}")
                : await RespondAsync(asset, context, database, cancellationToken);
        });
    }

    private static async Task<IResult> RespondAsync(AssetRecord asset, HttpContext context, CouncilDbContext database, CancellationToken cancellationToken)
    {
        var tenure = await database.Tenures.AsNoTracking()
            .Where(t => t.AssetId == asset.Id && t.IsActive)
            .Select(t => new { t.Id, t.PaymentReference, t.TenureTypeCode, t.IsActive })
            .FirstOrDefaultAsync(cancellationToken);
        Versioning.SetETag(context.Response, asset.Version);
        return Results.Ok(new AssetResponse
        {
            Id = asset.Id,
            AssetId = asset.PropertyReference,
            AssetType = asset.AssetType,
            AssetAddress = new AssetAddress(asset.Uprn, asset.AddressLine1, asset.AddressLine2, asset.AddressLine3, null, asset.PostCode),
            AssetManagement = new AssetManagement
            {
                IsTMOManaged = asset.IsTmoManaged,
                ManagingOrganisation = asset.ManagingOrganisation ?? "Reference Council Housing",
                AreaOfficeName = "Reference Area Office",
            },
            AssetCharacteristics = new AssetCharacteristics
            {
                NumberOfBedrooms = asset.NumberOfBedrooms,
                NumberOfLifts = asset.NumberOfLifts,
                YearConstructed = asset.YearConstructed,
            },
            Tenure = tenure is null ? null : new AssetTenure(tenure.Id.ToString(), tenure.PaymentReference,
                Lookups.TenureTypeOf(tenure.TenureTypeCode).Description, tenure.IsActive),
            VersionNumber = asset.Version,
        });
    }
}
