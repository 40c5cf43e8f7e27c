using HousingSelfService.CouncilApi.Client;

namespace HousingSelfService.CouncilApi.Infrastructure;

/// <summary>Echoes <c>x-correlation-id</c> on every response, generating one when the caller sent none.</summary>
public static class CorrelationId
{
    private static readonly object ItemKey = new();

    public static string? Of(HttpContext context) => context?.Items[ItemKey] as string;

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var id = context.Request.Headers[CouncilApiHeaders.CorrelationId].ToString();
        if (string.IsNullOrWhiteSpace(id))
        {
            id = Guid.NewGuid().ToString();
        }

        context.Items[ItemKey] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CouncilApiHeaders.CorrelationId] = id;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
