using HousingSelfService.CouncilApi.Client.Tenures;

namespace HousingSelfService.CouncilApi.Endpoints;

/// <summary>Reference data shared by the families.</summary>
public static class Lookups
{
    public const string WeeklyFrequency = "Weekly";

    private static readonly Dictionary<string, TenureType> TenureTypes = new[]
    {
        TenureType.Secure, TenureType.Introductory, TenureType.Leasehold,
        TenureType.NonSecure, TenureType.TemporaryBedAndBreakfast, TenureType.SharedOwners,
    }.ToDictionary(type => type.Code, StringComparer.OrdinalIgnoreCase);

    public static TenureType TenureTypeOf(string code) =>
        TenureTypes.TryGetValue(code, out var type) ? type : new TenureType(code, code);
}
