using HousingSelfService.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.Web.Features.Account.Linking;

public enum LinkOutcome { Linked, AlreadyLinked, NoMatch, LockedOut, TakenByAnotherAccount, Unavailable }

public sealed record LinkResult(LinkOutcome Outcome, DateTime? LockedUntil = null);

/// <summary>
/// Links a signed-in resident's account to their tenancy once <see cref="ITenancyVerifier"/> accepts their details.
/// Three failed attempts lock linking for <see cref="LockDuration"/>, counted per user in the database so a restart
/// or a new browser does not reset them.
/// </summary>
public sealed class TenancyLinking(ITenancyVerifier verifier, IDbContextFactory<HousingDbContext> databases, TimeProvider time, ILogger<TenancyLinking> logger)
{
    public const int MaxFailedAttempts = 3;

    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(30);

    /// <summary>When linking is locked for this user, until when (UTC); otherwise null.</summary>
    public async Task<DateTime?> LockedUntilAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var attempts = await database.Set<TenancyLinkAttempts>().AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken).ConfigureAwait(false);
        return attempts?.LockedUntil is { } until && until > Now ? until : null;
    }

    public async Task<LinkResult> LinkAsync(string userId, TenancyClaim claim, CancellationToken cancellationToken = default)
    {
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await database.TenancyLinks.AnyAsync(l => l.UserId == userId && l.IsActive, cancellationToken).ConfigureAwait(false))
        {
            return new LinkResult(LinkOutcome.AlreadyLinked);
        }

        var attempts = await database.Set<TenancyLinkAttempts>().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken).ConfigureAwait(false);
        if (attempts is null)
        {
            attempts = new TenancyLinkAttempts { UserId = userId };
            database.Add(attempts);
        }

        if (attempts.LockedUntil is { } lockedUntil)
        {
            if (lockedUntil > Now)
            {
                return new LinkResult(LinkOutcome.LockedOut, lockedUntil);
            }

            // The lock has run out: a fresh set of attempts.
            attempts.LockedUntil = null;
            attempts.FailedCount = 0;
        }

        var verification = await verifier.VerifyAsync(claim, cancellationToken).ConfigureAwait(false);
        switch (verification.Outcome)
        {
            case TenancyVerificationOutcome.Unavailable:
                // Our failure, not theirs: it does not count as an attempt.
                return new LinkResult(LinkOutcome.Unavailable);

            case TenancyVerificationOutcome.NoMatch:
                attempts.FailedCount++;
                if (attempts.FailedCount >= MaxFailedAttempts)
                {
                    attempts.LockedUntil = Now + LockDuration;
                    logger.LogWarning("Tenancy linking locked for user {UserId} after {Count} failed attempts.", userId, attempts.FailedCount);
                }

                await database.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return attempts.LockedUntil is { } until ? new LinkResult(LinkOutcome.LockedOut, until) : new LinkResult(LinkOutcome.NoMatch);
        }

        var tenancy = verification.Tenancy!;
        if (await database.TenancyLinks.AnyAsync(l => l.PersonId == tenancy.PersonId && l.IsActive, cancellationToken).ConfigureAwait(false))
        {
            logger.LogWarning("User {UserId} proved the details of person {PersonId}, who is already linked to another account.", userId, tenancy.PersonId);
            return new LinkResult(LinkOutcome.TakenByAnotherAccount);
        }

        database.TenancyLinks.Add(new TenancyLink
        {
            UserId = userId,
            PersonId = tenancy.PersonId,
            TenureId = tenancy.TenureId,
            PaymentReference = tenancy.PaymentReference,
            PropertyReference = tenancy.PropertyReference,
            LinkedAt = Now,
            LinkedHow = TenancyLinkMethod.Verified,
            LinkedBy = userId,
        });
        database.Remove(attempts);
        await database.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("User {UserId} linked their account to tenure {TenureId}.", userId, tenancy.TenureId);
        return new LinkResult(LinkOutcome.Linked);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
