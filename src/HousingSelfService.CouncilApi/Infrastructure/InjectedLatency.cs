namespace HousingSelfService.CouncilApi.Infrastructure;

/// <summary>Slows every API call by a fixed delay, so benchmarks can see how the app copes with a slow platform.</summary>
public static class InjectedLatency
{
    public static IApplicationBuilder UseInjectedLatency(this IApplicationBuilder app, TimeSpan latency, TimeProvider timeProvider)
    {
        if (latency <= TimeSpan.Zero)
        {
            return app;
        }

        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await Task.Delay(latency, timeProvider, context.RequestAborted).ConfigureAwait(false);
            }

            await next(context).ConfigureAwait(false);
        });
    }
}
