namespace HousingSelfService.Web.Infrastructure;

/// <summary>The app's roles, seeded at start-up.</summary>
public static class AppRoles
{
    public const string Resident = "Resident";
    public const string Officer = "Officer";

    public static IReadOnlyList<string> All { get; } = [Resident, Officer];
}
