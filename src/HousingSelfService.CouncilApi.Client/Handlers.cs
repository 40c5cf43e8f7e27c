using System.Diagnostics;
using System.Net.Http.Headers;

namespace HousingSelfService.CouncilApi.Client;

/// <summary>
/// Adds a fresh service token on every attempt (it sits inside the resilience handler), so a retry after a long
/// back-off never carries an expired token.
/// </summary>
public sealed class ServiceTokenHandler(ServiceTokenFactory tokens, ICouncilApiActorAccessor actors) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var actor = await actors.GetCurrentActorAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.CreateToken(actor));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Gives each logical call one <c>x-correlation-id</c> (the current trace id when there is one), kept across retries
/// because it sits outside the resilience handler.
/// </summary>
public sealed class CorrelationIdHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains(CouncilApiHeaders.CorrelationId))
        {
            var id = Activity.Current?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N");
            request.Headers.TryAddWithoutValidation(CouncilApiHeaders.CorrelationId, id);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
