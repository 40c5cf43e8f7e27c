namespace HousingSelfService.Web.Features.Account.Passkeys;

/// <summary>What the browser's passkey script posts: the credential as JSON, or why there is none.</summary>
public sealed class PasskeyInput
{
    public string? CredentialJson { get; set; }

    public string? Error { get; set; }
}

/// <summary>Create a new passkey (set-up) or use one (sign-in).</summary>
public enum PasskeyOperation { Create, Request }
