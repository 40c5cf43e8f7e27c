using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace HousingSelfService.Web.Infrastructure;

/// <summary>Thrown by feature services when the council API answered, but not with what was asked for.</summary>
public sealed class CouncilDataUnavailableException(string message) : Exception(message);

/// <summary>Turns council API failures into "unavailable" at the feature boundary, so components never see them.</summary>
public static class CouncilApiFailures
{
    /// <summary>
    /// True for failures that mean "the council system did not give us this right now": HTTP errors, network errors,
    /// an open circuit, timeouts, or an unreadable answer. Cancellation of the caller's own token is not one of them.
    /// </summary>
    public static bool IsUnavailable(Exception exception, CancellationToken cancellationToken)
    {
        // Refit wraps transport failures (e.g. ApiRequestException around HttpRequestException), so look inside too.
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case ApiException or ApiRequestException or HttpRequestException or BrokenCircuitException or TimeoutRejectedException
                    or JsonException or CouncilDataUnavailableException:
                    return true;
                case OperationCanceledException:
                    return !cancellationToken.IsCancellationRequested;
            }
        }

        return false;
    }

    /// <summary>The content of a successful response, or a <see cref="CouncilDataUnavailableException"/>.</summary>
    public static T ContentOrThrow<T>(IApiResponse<T> response, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response is { IsSuccessful: true, Content: { } content })
        {
            return content;
        }

        throw response.Error ?? (Exception)new CouncilDataUnavailableException($"The council API did not return {what} ({(response.StatusCode is { } status ? (int)status : 0)}).");
    }
}
