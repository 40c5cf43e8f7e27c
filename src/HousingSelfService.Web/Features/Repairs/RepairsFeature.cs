namespace HousingSelfService.Web.Features.Repairs;

public static class RepairsFeature
{
    /// <summary>Repair details (later: reporting a repair, booking appointments).</summary>
    public static IServiceCollection AddRepairsFeature(this IServiceCollection services)
    {
        services.AddScoped<RepairsService>();
        return services;
    }
}
