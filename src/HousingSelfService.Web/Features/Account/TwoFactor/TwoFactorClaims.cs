using System.Security.Claims;
using HousingSelfService.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HousingSelfService.Web.Features.Account.TwoFactor;

/// <summary>
/// Puts "has two-step verification" into the sign-in cookie, so the officer rule can be checked on every request
/// without a database call. Refreshed whenever the sign-in is (enabling 2FA refreshes it).
/// </summary>
public sealed class TwoFactorClaimsPrincipalFactory(
    UserManager<HousingUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<HousingUser, IdentityRole>(userManager, roleManager, options)
{
    public const string ClaimType = "hss:two_factor";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(HousingUser user)
    {
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        if (await UserManager.GetTwoFactorEnabledAsync(user).ConfigureAwait(false))
        {
            identity.AddClaim(new Claim(ClaimType, "true"));
        }

        return identity;
    }
}
