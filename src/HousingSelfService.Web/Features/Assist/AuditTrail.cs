using HousingSelfService.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.Web.Features.Assist;

/// <summary>Writes audit entries and reads back a resident's own.</summary>
public sealed class AuditTrail(IDbContextFactory<HousingDbContext> databases)
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        database.Set<AuditEntry>().Add(entry);
        await database.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What officers did for this resident's account, newest first. Only ever by the resident's own user id.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ForResidentAsync(string residentUserId, CancellationToken cancellationToken = default)
    {
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await database.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.ResidentUserId == residentUserId && e.Kind != AuditKind.OfficerPageRefused)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
