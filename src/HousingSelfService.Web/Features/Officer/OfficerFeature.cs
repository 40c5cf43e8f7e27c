using System.Security.Claims;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.Web.Features.Assist;
using HousingSelfService.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HousingSelfService.Web.Features.Officer;

public static class OfficerFeature
{
    /// <summary>
    /// The officer area (search, resident records, linking accounts) under <see cref="OfficerPolicy"/>; assist mode
    /// (sessions, the resident-as-viewer, officer-for-resident stamps on council records) and its audit trail.
    /// Call after <c>AddSignedInCouncilApiActor</c>: it wraps that actor.
    /// </summary>
    public static IServiceCollection AddOfficerFeature(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(OfficerPolicy.Name, policy => policy.RequireAuthenticatedUser().AddRequirements(new OfficerOnlyRequirement()));
        services.AddSingleton<IAuthorizationHandler, OfficerOnlyHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, OfficerForbiddenResultHandler>();

        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AssistSessions>();
        services.AddSingleton<IAssistedViewerSource>(provider => provider.GetRequiredService<AssistSessions>());
        services.AddSingleton<CallerViewer>();
        services.AddSingleton<ICouncilApiCallRecorder, AssistCallRecorder>();
        services.AddSingleton<SignedInActorAccessor>();
        services.RemoveAll<ICouncilApiActorAccessor>();
        services.AddSingleton<ICouncilApiActorAccessor, AssistActorAccessor>();

        services.AddScoped<ResidentSearchService>();
        services.AddScoped<ResidentRecordService>();
        services.AddScoped<ActionsForYouService>();

        // Signing out ends any assist session at once (otherwise it would only time out).
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, cookie =>
        {
            var signingOut = cookie.Events.OnSigningOut;
            cookie.Events.OnSigningOut = async context =>
            {
                if (context.HttpContext.User.IsInRole(AppRoles.Officer)
                    && context.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } officerId)
                {
                    await context.HttpContext.RequestServices.GetRequiredService<AssistSessions>()
                        .EndAsync(officerId, "Signed out", context.HttpContext.RequestAborted).ConfigureAwait(false);
                }

                await signingOut(context).ConfigureAwait(false);
            };
        });
        return services;
    }
}
