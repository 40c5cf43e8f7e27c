using HousingSelfService.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Endpoints;

namespace HousingSelfService.Web.Features.Account.TwoFactor;

/// <summary>
/// Officers must use two-step verification: an officer without it who asks for any page outside the account
/// pages is sent to set up an authenticator app first. Checked per request from the sign-in cookie's claims.
/// </summary>
public static class OfficerTwoFactorMiddleware
{
    private const string AccountPagesNamespace = "HousingSelfService.Web.Features.Account";

    public const string EnrolPath = "/Account/Manage/EnableAuthenticator";

    public static IApplicationBuilder UseOfficerTwoFactorEnrolment(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (MustEnrol(context))
            {
                var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                context.Response.Redirect($"{context.Request.PathBase}{EnrolPath}?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
                return;
            }

            await next(context);
        });

    private static bool MustEnrol(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || !user.IsInRole(AppRoles.Officer) || user.HasClaim(c => c.Type == TwoFactorClaimsPrincipalFactory.ClaimType))
        {
            return false;
        }

        // Pages only (static files, the Blazor hub and the account endpoints pass), and never the account pages themselves.
        var page = context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
        return page is not null && page.Namespace?.StartsWith(AccountPagesNamespace, StringComparison.Ordinal) != true;
    }
}
