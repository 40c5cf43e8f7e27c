using HousingSelfService.Web.Data;
using HousingSelfService.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace HousingSelfService.Web.Features.Account;

public static class AccountFeature
{
    /// <summary>
    /// ASP.NET Core Identity with cookies (static SSR pages), roles, lockout after 5 failures for 15 minutes,
    /// the start-up initialiser (migrations, roles, demo sign-ins) and the current-resident lookup.
    /// </summary>
    public static IServiceCollection AddAccountFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = ".HousingSelfService.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddAuthorization();

        services.AddIdentityCore<HousingUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                IdentityModelSettings.Apply(options);
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Password.RequiredLength = 12;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<HousingDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName));
        // First of all hosted services: the database must be migrated before anything reads it (data protection's
        // key ring is loaded at start-up from the database).
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, HousingInitialiser>());
        services.AddScoped<CurrentResident>();
        return services;
    }
}
