using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Repairs.Report.Photos;
using HousingSelfService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HousingSelfService.Web.Features.Repairs.Report;

public sealed class UnfinishedDraftOptions
{
    public const string SectionName = "Repairs:UnfinishedDrafts";

    /// <summary>How long a report nobody has sent or touched is kept, with its photos and contact details.</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(28);

    /// <summary>How often old unfinished reports are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Deletes repair reports that were started but never sent and not touched for <see cref="UnfinishedDraftOptions.KeepFor"/>,
/// and their photos: a draft holds a phone number and photos of someone's home, kept only while it may be finished.
/// Reports sent or waiting in the outbox are never touched. Safe with several instances: a delete is a delete.
/// </summary>
public sealed class UnfinishedDraftCleaner(
    IDbContextFactory<HousingDbContext> databases,
    IOptions<UnfinishedDraftOptions> options,
    TimeProvider time,
    ILogger<UnfinishedDraftCleaner> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync("The unfinished repair report sweep", options.Value.SweepInterval, DeleteExpiredAsync, time, logger, stoppingToken);

    /// <summary>One sweep. Returns how many unfinished reports were deleted.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.KeepFor;
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var expired = database.Set<RepairDraft>().Where(d => d.State == RepairDraftState.Started && d.UpdatedAt < cutoff);
        // Photos first, not left to the foreign key's cascade: the delete below is one statement the change tracker never sees.
        await database.Set<RepairPhoto>().Where(p => expired.Any(d => d.Id == p.DraftId)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await expired.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} unfinished repair reports not touched for {Days} days.", deleted, options.Value.KeepFor.TotalDays);
        }

        return deleted;
    }
}
