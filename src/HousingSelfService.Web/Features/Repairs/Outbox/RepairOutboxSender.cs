using HousingSelfService.Web.Data;
using HousingSelfService.Web.Infrastructure;
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
/// Delivers repair reports that were received while the council API was down. Rows are claimed with
/// <see cref="OutboxClaim"/> (row locks on PostgreSQL, then a lease), so several app instances never send the same
/// row at once; and the delivery reuses the report's Idempotency-Key, so a row sent twice after a crash still
/// raises one work order.
/// </summary>
public sealed class RepairOutboxSender(
    IServiceScopeFactory scopes,
    IOptions<RepairOutboxOptions> options,
    OutboxClaim claims,
    TimeProvider time,
    ILogger<RepairOutboxSender> logger) : BackgroundService
{
    /// <summary>This sender's name on the rows it claims (unique per instance; machine names can be long, so not those).</summary>
    private readonly string _owner = $"{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync("The repair outbox sender", options.Value.PollInterval, SendDueAsync, time, logger, stoppingToken);

    /// <summary>One round: claims and delivers every row that is due. Returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var databases = scope.ServiceProvider.GetRequiredService<IDbContextFactory<HousingDbContext>>();
        var submission = scope.ServiceProvider.GetRequiredService<RepairSubmission>();
        IReadOnlyList<Guid> claimed;
        await using (var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            claimed = await claims.ClaimDueAsync<OutboxMessage>(database, _owner, options.Value.Lease, 20, cancellationToken).ConfigureAwait(false);
        }

        var delivered = 0;
        foreach (var id in claimed)
        {
            if (await submission.DeliverQueuedAsync(id, cancellationToken).ConfigureAwait(false))
            {
                delivered++;
            }
        }

        await submission.RetryConfirmationsAsync(cancellationToken).ConfigureAwait(false); // confirmations Notify could not take before
        return delivered;
    }
}
