using HousingSelfService.CouncilApi.Client.Assets;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.CouncilApi.Data;

namespace HousingSelfService.CouncilApi.Repairs;

/// <summary>Repairs Hub rules: priorities in words, target dates, and who may raise a repair online.</summary>
public static class RepairRules
{
    private static readonly AssetType[] HomeTypes = [AssetType.Flat, AssetType.House, AssetType.Dwelling, AssetType.StudioFlat, AssetType.SelfContainedBedsit];
    private static readonly AssetType[] BlockTypes = [AssetType.Block, AssetType.LowRiseBlock, AssetType.HighRiseBlock];
    private static readonly string[] EligibleTenureCodes = ["SEC", "INT"];

    public static string PriorityText(int priorityCode) => priorityCode switch
    {
        RepairPriority.Immediate => "1 [I] IMMEDIATE",
        RepairPriority.Emergency => "2 [E] EMERGENCY",
        RepairPriority.Urgent => "3 [U] URGENT",
        RepairPriority.Normal => "4 [N] NORMAL",
        RepairPriority.DampAndMould => "10 [D] DAMP AND MOULD",
        _ => $"{priorityCode} UNKNOWN",
    };

    /// <summary>When a repair raised at <paramref name="raised"/> is due.</summary>
    public static DateTime Target(int priorityCode, DateTime raised) => priorityCode switch
    {
        RepairPriority.Immediate => raised.Date.AddDays(1).AddTicks(-1),
        RepairPriority.Emergency => raised.AddDays(1),
        RepairPriority.Urgent => AddWorkingDays(raised, 5),
        // Awaab's Law: damp and mould hazards are investigated within 10 working days.
        RepairPriority.DampAndMould => AddWorkingDays(raised, 10),
        _ => raised.AddDays(21),
    };

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

    private static DateTime AddWorkingDays(DateTime from, int days)
    {
        var date = from;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return date;
    }
}
