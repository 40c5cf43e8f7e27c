namespace HousingSelfService.Web.Features.Home;

public static class HomeFeature
{
    /// <summary>The home page: tenancy summary, rent balance, open repairs and the next appointment.</summary>
    public static IServiceCollection AddHomeFeature(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        return services;
    }
}
