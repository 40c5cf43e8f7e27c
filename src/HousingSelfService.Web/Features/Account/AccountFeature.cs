using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Account.Linking;
using HousingSelfService.Web.Features.Account.Passwords;
using HousingSelfService.Web.Features.Account.TwoFactor;
using HousingSelfService.Web.Infrastructure;
using HousingSelfService.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace HousingSelfService.Web.Features.Account;

public static class AccountFeature
{
    /// <summary>
    /// ASP.NET Core Identity with cookies (static SSR pages), roles, lockout after 5 failures for 15 minutes,
    /// passwords of 12+ characters checked against a common-password list (no composition rules), confirmed
    /// email, two-step verification, tenancy linking, the start-up initialiser (migrations, roles, demo sign-ins)
    /// and the current-resident lookup.
    /// </summary>
    public static IServiceCollection AddAccountFeature(this IServiceCollection services, IConfiguration configuration)
    {
        var sessionTimeout = SessionTimeout.From(configuration);
        services.AddSingleton(sessionTimeout);
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
            cookie.ExpireTimeSpan = sessionTimeout.Idle;
            cookie.SlidingExpiration = true;
        });
        // Check the security stamp on every request, so "sign out everywhere" and a password change end other sessions at once.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorization();

        services.AddIdentityCore<HousingUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                IdentityModelSettings.Apply(options);
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // ASVS 2.1: length and a common-password check, no composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<HousingDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<TwoFactorClaimsPrincipalFactory>();

        services.AddScoped<AccountEmails>();
        foreach (var template in AccountEmails.Templates)
        {
            services.AddNotificationTemplate(template);
        }

        services.AddScoped<ITenancyVerifier, CouncilTenancyVerifier>();
        services.AddScoped<TenancyLinking>();

        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName));
        // First of all hosted services: the database must be migrated before anything reads it (data protection's
        // key ring is loaded at start-up from the database).
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, HousingInitialiser>());
        services.AddScoped<CurrentResident>();
        return services;
    }
}
