using HousingSelfService.CouncilApi.Client.Assets;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.CouncilApi.Data;

namespace HousingSelfService.CouncilApi.Repairs;

/// <summary>Repairs Hub rules: who may raise a repair online (target dates: <see cref="RepairPriority.Target"/>).</summary>
public static class RepairRules
{
    private static readonly AssetType[] HomeTypes = [AssetType.Flat, AssetType.House, AssetType.Dwelling, AssetType.StudioFlat, AssetType.SelfContainedBedsit];
    private static readonly AssetType[] BlockTypes = [AssetType.Block, AssetType.LowRiseBlock, AssetType.HighRiseBlock];
    private static readonly string[] EligibleTenureCodes = ["SEC", "INT"];

    /// <summary>
    /// Homes need a Secure or Introductory tenure; blocks take communal repairs. Either way not when a tenant
    /// management organisation runs repairs, nor when a location alert means a visit needs arranging by phone.
    /// </summary>
    public static bool CanRaiseRepair(AssetRecord asset, TenureRecord? activeTenure, bool hasLocationAlert)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (asset.IsTmoManaged || hasLocationAlert)
        {
            return false;
        }

        return BlockTypes.Contains(asset.AssetType)
            || (HomeTypes.Contains(asset.AssetType) && activeTenure is { IsActive: true } && EligibleTenureCodes.Contains(activeTenure.TenureTypeCode));
    }

    public static bool IsActive(AlertRecord alert, DateOnly today) =>
        alert.StartDate <= today && (alert.EndDate is not { } end || end >= today);
}
