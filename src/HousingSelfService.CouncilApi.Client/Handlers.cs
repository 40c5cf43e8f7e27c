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

/// <summary>
/// One logical council API call, as seen once whatever the retries: for audit trails. <c>StatusCode</c> is null when
/// no response came back (network failure, timeout).
/// </summary>
public sealed record CouncilApiCall(HttpMethod Method, string PathAndQuery, int? StatusCode, string? CorrelationId)
{
    /// <summary>GET, HEAD and OPTIONS read; everything else changes something.</summary>
    public bool IsWrite => !(Method == HttpMethod.Get || Method == HttpMethod.Head || Method == HttpMethod.Options);
}

/// <summary>Told about every council API call the app makes (the host app registers these, e.g. to audit assisted sessions).</summary>
public interface ICouncilApiCallRecorder
{
    Task RecordAsync(CouncilApiCall apiCall, CancellationToken cancellationToken);
}

/// <summary>
/// Tells each <see cref="ICouncilApiCallRecorder"/> about a call once it has finished. It sits outside the resilience
/// handler (one record per logical call, not per attempt) and inside the correlation id handler (so the id is known).
/// </summary>
public sealed class CallRecordingHandler(IEnumerable<ICouncilApiCallRecorder> recorders) : DelegatingHandler
{
    private readonly ICouncilApiCallRecorder[] _recorders = [.. recorders];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_recorders.Length == 0)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response;
        }
        finally
        {
            var call = new CouncilApiCall(request.Method, request.RequestUri?.PathAndQuery ?? "",
                response is null ? null : (int)response.StatusCode,
                request.Headers.TryGetValues(CouncilApiHeaders.CorrelationId, out var ids) ? ids.FirstOrDefault() : null);
            foreach (var recorder in _recorders)
            {
                // Not the caller's token: a call that was made is recorded even if the caller has since given up.
                await recorder.RecordAsync(call, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
