using System.Security.Claims;
using System.Text.Json;
using HousingSelfService.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using HousingSelfService.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    private static readonly JsonSerializerOptions PersonalDataJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// Endpoints the Identity pages need that are not pages (POSTs with antiforgery): sign out, sign out everywhere,
    /// stay signed in (the session time-out warning), and download my personal data.
    /// </summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            [FromServices] SignInManager<HousingUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect($"~/{returnUrl?.TrimStart('/')}");
        });

        // Passkeys (WebAuthn): the options the browser needs to make a passkey (signed in) or to use one (signing in).
        accountGroup.MapPost("/PasskeyCreationOptions", async (HttpContext context, [FromServices] SignInManager<HousingUser> signInManager,
            [FromServices] IAntiforgery antiforgery) =>
        {
            await antiforgery.ValidateRequestAsync(context);
            if (await signInManager.UserManager.GetUserAsync(context.User) is not { } user)
            {
                return Results.Unauthorized();
            }

            var name = user.Email ?? user.Id;
            var options = await signInManager.MakePasskeyCreationOptionsAsync(new() { Id = user.Id, Name = name, DisplayName = user.DisplayName ?? name });
            return TypedResults.Content(options, contentType: "application/json");
        }).RequireAuthorization();

        accountGroup.MapPost("/PasskeyRequestOptions", async (HttpContext context, [FromServices] SignInManager<HousingUser> signInManager,
            [FromServices] IAntiforgery antiforgery, [FromQuery] string? username) =>
        {
            await antiforgery.ValidateRequestAsync(context);
            var user = string.IsNullOrEmpty(username) ? null : await signInManager.UserManager.FindByNameAsync(username);
            return TypedResults.Content(await signInManager.MakePasskeyRequestOptionsAsync(user), contentType: "application/json");
        });

        var manageGroup = accountGroup.MapGroup("/Manage").RequireAuthorization();

        // Re-issues the sign-in cookie, restarting the idle time-out ("Stay signed in").
        manageGroup.MapPost("/KeepAlive", async (HttpContext context, [FromServices] SignInManager<HousingUser> signInManager) =>
        {
            if (await signInManager.UserManager.GetUserAsync(context.User) is not { } user)
            {
                return Results.Unauthorized();
            }

            // RefreshSignInAsync alone keeps the old cookie's expiry, so "Stay signed in" would not extend anything:
            // sign in again with the same authentication method claims and a new expiry counted from now.
            var current = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
            var properties = current.Properties ?? new AuthenticationProperties();
            properties.IssuedUtc = null;
            properties.ExpiresUtc = null;
            var methods = current.Principal?.Claims.Where(c => c.Type is ClaimTypes.AuthenticationMethod or "amr").ToList() ?? [];
            await signInManager.SignInWithClaimsAsync(user, properties, methods);
            return Results.NoContent();
        });

        // A new security stamp makes every other sign-in cookie fail validation at its next request.
        manageGroup.MapPost("/SignOutEverywhere", async (HttpContext context, [FromServices] SignInManager<HousingUser> signInManager,
            [FromServices] IAntiforgery antiforgery, [FromServices] ILoggerFactory loggers) =>
        {
            // No form fields are bound here, so check the antiforgery token by hand.
            await antiforgery.ValidateRequestAsync(context);
            if (await signInManager.UserManager.GetUserAsync(context.User) is { } user)
            {
                await signInManager.UserManager.UpdateSecurityStampAsync(user);
                loggers.CreateLogger("HousingSelfService.Web.Features.Account").LogInformation("A user signed out everywhere.");
            }

            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });

        manageGroup.MapPost("/DownloadPersonalData", async (HttpContext context, [FromServices] UserManager<HousingUser> users,
            [FromServices] HousingDbContext database, CancellationToken cancellationToken) =>
        {
            if (await users.GetUserAsync(context.User) is not { } user)
            {
                return Results.NotFound();
            }

            var account = typeof(HousingUser).GetProperties()
                .Where(p => Attribute.IsDefined(p, typeof(PersonalDataAttribute)))
                .ToDictionary(p => p.Name, p => p.GetValue(user)?.ToString());
            var links = await database.TenancyLinks.AsNoTracking().Where(l => l.UserId == user.Id).OrderBy(l => l.LinkedAt)
                .Select(l => new { l.PaymentReference, l.PropertyReference, l.TenureId, l.PersonId, l.LinkedAt, LinkedHow = l.LinkedHow.ToString(), l.IsActive, l.EndedAt })
                .ToListAsync(cancellationToken);
            var data = new
            {
                About = $"What {CouncilContact.ProductName} keeps about your account. Your council records (rent, repairs, tenancy) are kept by {CouncilContact.CouncilName}: ask us for those.",
                Account = account,
                Roles = await users.GetRolesAsync(user),
                TwoStepVerification = await users.GetTwoFactorEnabledAsync(user),
                TenancyLinks = links,
            };
            return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(data, PersonalDataJson), "application/json", "personal-data.json");
        });

        return accountGroup;
    }
}
