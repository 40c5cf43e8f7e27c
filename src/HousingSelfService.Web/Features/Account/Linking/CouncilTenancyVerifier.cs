using System.Net;
using HousingSelfService.CouncilApi.Client.Assets;
using HousingSelfService.CouncilApi.Client.Tenures;
using HousingSelfService.Web.Infrastructure;

namespace HousingSelfService.Web.Features.Account.Linking;

/// <summary>
/// Verifies a claim with the tenure API (tenure by payment reference: an active tenure with a household member of
/// that date of birth) and the asset API (the home's postcode). Every part must match; which one did not is never said.
/// </summary>
public sealed class CouncilTenancyVerifier(ITenuresApi tenures, IAssetsApi assets, ILogger<CouncilTenancyVerifier> logger) : ITenancyVerifier
{
    public async Task<TenancyVerification> VerifyAsync(TenancyClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        try
        {
            using var tenureResponse = await tenures.GetTenureByPaymentReferenceAsync(claim.PaymentReference, cancellationToken).ConfigureAwait(false);
            if (tenureResponse.StatusCode == HttpStatusCode.NotFound)
            {
                return TenancyVerification.NoMatch;
            }

            var tenure = CouncilApiFailures.ContentOrThrow(tenureResponse, "the tenure");
            var member = tenure.HouseholdMembers
                .Where(m => m.Type == HouseholdMemberType.Person && m.DateOfBirth is { } born && DateOnly.FromDateTime(born) == claim.DateOfBirth)
                .OrderByDescending(m => m.IsResponsible)
                .FirstOrDefault();
            if (!tenure.IsActive || member is null)
            {
                return TenancyVerification.NoMatch;
            }

            using var assetResponse = await assets.GetAssetAsync(tenure.TenuredAsset.Id, cancellationToken).ConfigureAwait(false);
            var asset = CouncilApiFailures.ContentOrThrow(assetResponse, "the home");
            if (Postcodes.Normalise(asset.AssetAddress.PostCode) != Postcodes.Normalise(claim.Postcode))
            {
                return TenancyVerification.NoMatch;
            }

            return new TenancyVerification(TenancyVerificationOutcome.Matched,
                new VerifiedTenancy(member.Id, tenure.Id, tenure.PaymentReference, tenure.TenuredAsset.PropertyReference));
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "Could not check a tenancy claim with the council API.");
            return TenancyVerification.Unavailable;
        }
    }
}
