using System.Collections.Frozen;
using HousingSelfService.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace HousingSelfService.Web.Features.Account.Passwords;

/// <summary>
/// Refuses passwords found in breaches and common-password lists (ASVS 2.1.7, NIST 800-63B), instead of composition
/// rules. The list ships with the app (see README.md beside it); comparison ignores case, as attackers' lists do.
/// Also refuses a password that is the user's own email address.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<HousingUser>
{
    public const string ErrorCode = "CommonPassword";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public static int Count => Common.Value.Count;

    public static bool IsCommon(string password) => Common.Value.Contains(password);

    public Task<IdentityResult> ValidateAsync(UserManager<HousingUser> manager, HousingUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (password is null || !(IsCommon(password) || string.Equals(password, user.Email, StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        return Task.FromResult(IdentityResult.Failed(new IdentityError
        {
            Code = ErrorCode,
            Description = "This password is too easy to guess because lots of people use it. Choose a different one",
        }));
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("HousingSelfService.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded in the app.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
