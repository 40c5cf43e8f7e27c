using System.Net;
using System.Security.Claims;
using HousingSelfService.CouncilApi.Client.Persons;
using HousingSelfService.CouncilApi.Client.Tenures;
using HousingSelfService.Web.Components.Common;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Assist;
using HousingSelfService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.Web.Features.Officer;

public sealed record RecordTenancy(Guid TenureId, string Address, string? Type, string? PaymentReference, string? PropertyReference, bool IsActive);

public sealed record RecordHouseholdMember(string Name, string Role, bool IsResponsible);

public sealed record LinkedAccount(string UserId, string Email, TenancyLinkMethod LinkedHow, DateTime LinkedAt);

/// <summary>
/// A resident's record as an officer sees it. <see cref="Household"/> is null when the tenure API did not answer
/// (the rest still shows); <see cref="CurrentTenancy"/> is null when they have no active tenancy.
/// </summary>
public sealed record ResidentRecord(Guid PersonId, string Name, DateOnly? DateOfBirth, IReadOnlyList<RecordTenancy> Tenancies,
    RecordTenancy? CurrentTenancy, IReadOnlyList<RecordHouseholdMember>? Household, IReadOnlyList<LinkedAccount> Accounts)
{
    /// <summary>The app account an assist session acts as: the most recently linked one.</summary>
    public LinkedAccount? AssistableAccount => Accounts.OrderByDescending(a => a.LinkedAt).FirstOrDefault();
}

public enum RecordLookup { Found, NotFound, Unavailable }

public sealed record RecordResult(RecordLookup Outcome, ResidentRecord? Record)
{
    public static RecordResult NotFound { get; } = new(RecordLookup.NotFound, null);
    public static RecordResult Unavailable { get; } = new(RecordLookup.Unavailable, null);
}

/// <summary>
/// Officer actions on one resident: open their record, start assisting them, link their app account to their tenancy.
/// Calls here are the officer's own work, so they are not audited as the resident's (see <see cref="OfficerWork"/>);
/// starting an assist session and linking an account are audited with the officer's reason.
/// </summary>
public sealed class ResidentRecordService(
    IPersonsApi persons,
    ITenuresApi tenures,
    IDbContextFactory<HousingDbContext> databases,
    AssistSessions assists,
    TimeProvider time,
    ILogger<ResidentRecordService> logger)
{
    public async Task<RecordResult> LoadAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        OfficerWork.Begin();
        PersonResponse person;
        try
        {
            using var response = await persons.GetPersonAsync(personId, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return RecordResult.NotFound;
            }

            person = CouncilApiFailures.ContentOrThrow(response, "the person");
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council person API was unavailable for person {PersonId}.", personId);
            return RecordResult.Unavailable;
        }

        var tenancies = person.Tenures
            .OrderByDescending(t => t.IsActive)
            .Select(t => new RecordTenancy(t.Id, t.AssetFullAddress, t.Type, t.PaymentReference, t.PropertyReference, t.IsActive))
            .ToList();
        var current = tenancies.FirstOrDefault(t => t.IsActive && t.PaymentReference is not null && t.PropertyReference is not null);
        var household = current is null ? [] : await LoadHouseholdAsync(current.TenureId, cancellationToken).ConfigureAwait(false);

        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var accounts = await (
            from link in database.TenancyLinks.AsNoTracking()
            join user in database.Users.AsNoTracking() on link.UserId equals user.Id
            where link.PersonId == personId && link.IsActive
            select new LinkedAccount(user.Id, user.Email ?? user.UserName ?? user.Id, link.LinkedHow, link.LinkedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var name = ResidentSearchService.NameOf(person.PreferredFirstName ?? person.FirstName, person.PreferredSurname ?? person.Surname);
        return new RecordResult(RecordLookup.Found,
            new ResidentRecord(person.Id, name, person.DateOfBirth, tenancies, current, household, accounts));
    }

    private async Task<IReadOnlyList<RecordHouseholdMember>?> LoadHouseholdAsync(Guid tenureId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await tenures.GetTenureAsync(tenureId, cancellationToken).ConfigureAwait(false);
            var tenure = CouncilApiFailures.ContentOrThrow(response, "the tenure");
            return [.. tenure.HouseholdMembers.Select(m => new RecordHouseholdMember(m.FullName, RoleOf(m.PersonTenureType), m.IsResponsible))];
        }
        catch (Exception exception) when (CouncilApiFailures.IsUnavailable(exception, cancellationToken))
        {
            logger.LogWarning(exception, "The council tenure API was unavailable for tenure {TenureId}.", tenureId);
            return null;
        }
    }

    private static string RoleOf(PersonTenureType type) => type switch
    {
        PersonTenureType.Tenant => "Tenant",
        PersonTenureType.Leaseholder => "Leaseholder",
        PersonTenureType.Freeholder => "Freeholder",
        PersonTenureType.Occupant => "Occupant",
        _ => "Household member",
    };

    /// <summary>Starts assisting the resident's linked app account; errors are for the form (field id + message).</summary>
    public async Task<IReadOnlyList<FormError>> StartAssistAsync(ClaimsPrincipal officer, ResidentRecord record, string? reason,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var errors = new List<FormError>();
        if (ReasonError(reason) is { } reasonError)
        {
            errors.Add(new FormError("reason", reasonError));
        }

        if (record.AssistableAccount is not { } account)
        {
            errors.Add(new FormError("reason", "This resident has no app account linked to their tenancy, so you cannot see their pages. Link their account first."));
            return errors;
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        await assists.StartAsync(await OfficerAsync(officer, cancellationToken).ConfigureAwait(false), account.UserId, record.Name,
            record.PersonId, reason!.Trim(), cancellationToken).ConfigureAwait(false);
        return errors;
    }

    /// <summary>Links a resident's app account (found by email) to their current tenancy, with the officer's reason, audited.</summary>
    public async Task<IReadOnlyList<FormError>> LinkAccountAsync(ClaimsPrincipal officer, ResidentRecord record, string? email, string? reason,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var errors = new List<FormError>();
        email = email?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors.Add(new FormError("email", "Enter the email address the resident signs in with"));
        }

        if (ReasonError(reason) is { } reasonError)
        {
            errors.Add(new FormError("reason", reasonError));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (record.CurrentTenancy is not { PaymentReference: { } paymentReference, PropertyReference: { } propertyReference } tenancy)
        {
            return [new FormError("email", "This resident has no tenancy now. You cannot link an account.")];
        }

        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var normalised = email.ToUpperInvariant();
        var user = await database.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalised, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            return [new FormError("email", "There is no app account with that email address. Check it with the resident")];
        }

        var officerRoleId = await database.Roles.Where(r => r.Name == AppRoles.Officer).Select(r => r.Id)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (await database.UserRoles.AnyAsync(r => r.UserId == user.Id && r.RoleId == officerRoleId, cancellationToken).ConfigureAwait(false))
        {
            return [new FormError("email", "That is an officer's account. You can only link a resident's account.")];
        }

        if (await database.TenancyLinks.AnyAsync(l => l.UserId == user.Id && l.IsActive, cancellationToken).ConfigureAwait(false))
        {
            return [new FormError("email", "That account is already linked to a tenancy")];
        }

        var me = await OfficerAsync(officer, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow().UtcDateTime;
        database.TenancyLinks.Add(new TenancyLink
        {
            UserId = user.Id,
            PersonId = record.PersonId,
            TenureId = tenancy.TenureId,
            PaymentReference = paymentReference,
            PropertyReference = propertyReference,
            LinkedAt = now,
            LinkedHow = TenancyLinkMethod.Officer,
            LinkedBy = me.UserId,
        });
        database.Set<AuditEntry>().Add(new AuditEntry
        {
            At = now,
            Kind = AuditKind.AccountLinked,
            UserId = me.UserId,
            UserName = me.Name,
            ResidentUserId = user.Id,
            PersonId = record.PersonId,
            Action = $"Linked the account to tenancy {paymentReference}",
            Reason = reason!.Trim(),
        });
        await database.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Officer {OfficerId} linked user {UserId} to tenure {TenureId}.", me.UserId, user.Id, tenancy.TenureId);
        return [];
    }

    private static string? ReasonError(string? reason) => reason?.Trim() switch
    {
        null or "" => "Enter the reason",
        { Length: > AssistLimits.ReasonLength } => $"The reason must be {AssistLimits.ReasonLength} characters or fewer",
        _ => null,
    };

    private async Task<OfficerIdentity> OfficerAsync(ClaimsPrincipal officer, CancellationToken cancellationToken)
    {
        var userId = officer.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No officer is signed in.");
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var user = await database.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken).ConfigureAwait(false);
        return new OfficerIdentity(user.Id, user.DisplayName ?? user.Email ?? user.Id, user.Email);
    }
}
