namespace HousingSelfService.Web.Infrastructure;

/// <summary>The loop of a background job that works in rounds: the repair outbox sender, the unfinished-draft sweep.</summary>
public static class PeriodicRounds
{
    /// <summary>
    /// Runs <paramref name="round"/> at once and then on every tick of <paramref name="interval"/> until the app stops.
    /// A round that throws is logged, and the next one runs as usual.
    /// </summary>
    public static async Task RunAsync(string job, TimeSpan interval, Func<CancellationToken, Task> round, TimeProvider time, ILogger logger,
        CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await round(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "{Job} failed a round; it will try again.", job);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
