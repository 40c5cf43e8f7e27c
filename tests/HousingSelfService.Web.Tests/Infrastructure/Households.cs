using HousingSelfService.CouncilApi;

namespace HousingSelfService.Web.Tests.Infrastructure;

/// <summary>The reference API's featured demo households, by the situation each was designed to show.</summary>
public static class Households
{
    public static DemoHousehold Arrears => DemoData.Featured[0];
    public static DemoHousehold Credit => DemoData.Featured[1];
    public static DemoHousehold Introductory => DemoData.Featured[2];
    public static DemoHousehold Leaseholder => DemoData.Featured[3];
    public static DemoHousehold DampRepair => DemoData.Featured[4];
}
