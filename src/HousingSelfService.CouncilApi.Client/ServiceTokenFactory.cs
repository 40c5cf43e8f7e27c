using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HousingSelfService.CouncilApi.Client;

/// <summary>
/// Issues the HS256 service token the platform expects: <c>sub</c>, <c>email</c>, <c>name</c>, <c>groups</c>, <c>exp</c>.
/// </summary>
public sealed class ServiceTokenFactory(IOptionsMonitor<CouncilApiOptions> options, TimeProvider timeProvider)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly JsonWebTokenHandler _handler = new();

    public string CreateToken(CouncilApiActor? actor)
    {
        var settings = options.CurrentValue;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = actor?.Subject ?? settings.ServiceName,
            ["name"] = actor?.Name ?? settings.ServiceName,
            ["groups"] = settings.Groups,
        };
        if (actor?.Email is { Length: > 0 } email)
        {
            claims["email"] = email;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The claims principal a token stands for, as the platform reads it (for tests and the reference API).</summary>
    public static ClaimsIdentity? ReadUnverified(string token) =>
        new JsonWebTokenHandler().ReadJsonWebToken(token) is { } jwt ? new ClaimsIdentity(jwt.Claims, "jwt") : null;
}
