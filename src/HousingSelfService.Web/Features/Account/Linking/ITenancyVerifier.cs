namespace HousingSelfService.Web.Features.Account.Linking;

/// <summary>What a resident gives to prove which tenancy is theirs.</summary>
public sealed record TenancyClaim(string PaymentReference, DateOnly DateOfBirth, string Postcode);

/// <summary>The council records a proven claim points at.</summary>
public sealed record VerifiedTenancy(Guid PersonId, Guid TenureId, string PaymentReference, string PropertyReference);

public enum TenancyVerificationOutcome { Matched, NoMatch, Unavailable }

public sealed record TenancyVerification(TenancyVerificationOutcome Outcome, VerifiedTenancy? Tenancy = null)
{
    public static TenancyVerification NoMatch { get; } = new(TenancyVerificationOutcome.NoMatch);

    public static TenancyVerification Unavailable { get; } = new(TenancyVerificationOutcome.Unavailable);
}

/// <summary>
/// Checks a resident's claim against the council's records. One interface so the lookup can move to the council
/// search API without touching the linking flow.
/// </summary>
public interface ITenancyVerifier
{
    Task<TenancyVerification> VerifyAsync(TenancyClaim claim, CancellationToken cancellationToken = default);
}
