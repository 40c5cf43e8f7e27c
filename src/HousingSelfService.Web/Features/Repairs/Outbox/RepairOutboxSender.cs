using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Repairs.Report;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HousingSelfService.Web.Features.Repairs.Outbox;

public sealed class RepairOutboxOptions
{
    public const string SectionName = "Repairs:Outbox";

    /// <summary>How often the sender looks for reports to deliver.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a claim on a row lasts; a crashed instance's rows are picked up again after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The first wait after a failed delivery; it doubles with each failure, up to five minutes.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryDelayAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, RetryDelay.Ticks * (1L << Math.Clamp(attempts - 1, 0, 10))));
}

/// <summary>
/// Delivers repair reports that were received while the council API was down. Each row is claimed with a
/// conditional UPDATE (only when nobody holds an unexpired lease), so several app instances never send the same
/// row at once; and the delivery reuses the report's Idempotency-Key, so a row sent twice after a crash still
/// raises one work order.
/// </summary>
public sealed class RepairOutboxSender(
    IServiceScopeFactory scopes,
    IOptions<RepairOutboxOptions> options,
    TimeProvider time,
    ILogger<RepairOutboxSender> logger) : BackgroundService
{
    /// <summary>This sender's name on the rows it claims (unique per instance; machine names can be long, so not those).</summary>
    private readonly string _owner = $"{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "The repair outbox sender failed a round; it will try again.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One round: claims and delivers every row that is due. Returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var databases = scope.ServiceProvider.GetRequiredService<IDbContextFactory<HousingDbContext>>();
        var submission = scope.ServiceProvider.GetRequiredService<RepairSubmission>();
        var now = time.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            due = await database.Set<OutboxMessage>()
                .Where(m => m.DeliveredAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now) && (m.LeaseUntil == null || m.LeaseUntil < now))
                .OrderBy(m => m.CreatedAt).Select(m => m.Id).Take(20).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var delivered = 0;
        foreach (var id in due)
        {
            if (await ClaimAsync(databases, id, cancellationToken).ConfigureAwait(false)
                && await submission.DeliverQueuedAsync(id, cancellationToken).ConfigureAwait(false))
            {
                delivered++;
            }
        }

        await submission.RetryConfirmationsAsync(cancellationToken).ConfigureAwait(false); // confirmations Notify could not take before
        return delivered;
    }

    private async Task<bool> ClaimAsync(IDbContextFactory<HousingDbContext> databases, Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + options.Value.Lease;
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var claimed = await database.Set<OutboxMessage>()
            .Where(m => m.Id == id && m.DeliveredAt == null && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(row => row
                .SetProperty(m => m.LeaseOwner, _owner)
                .SetProperty(m => m.LeaseUntil, until)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken).ConfigureAwait(false);
        return claimed == 1;
    }
}
