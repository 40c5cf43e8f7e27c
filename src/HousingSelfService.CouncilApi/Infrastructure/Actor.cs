using System.Security.Claims;

namespace HousingSelfService.CouncilApi.Infrastructure;

/// <summary>Who made a call, from the token's <c>name</c> and <c>email</c> claims, for <c>createdBy</c> stamps.</summary>
public sealed record Actor(string Name, string? Email)
{
    public static Actor Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var email = user.FindFirst("email")?.Value;
        var name = user.FindFirst("name")?.Value ?? email ?? user.FindFirst("sub")?.Value ?? "unknown";
        return new Actor(name, email);
    }

    /// <summary>As a note's <c>user</c>: the name, with the email when there is one.</summary>
    public string Display => Email is null ? Name : $"{Name} ({Email})";
}
