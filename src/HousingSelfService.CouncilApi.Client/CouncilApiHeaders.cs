namespace HousingSelfService.CouncilApi.Client;

/// <summary>Header names of the council platform's cross-cutting rules.</summary>
public static class CouncilApiHeaders
{
    public const string CorrelationId = "x-correlation-id";
    public const string IdempotencyKey = "Idempotency-Key";
    public const string IfMatch = "If-Match";
    public const string ETag = "ETag";
}

/// <summary>Core platform error body: <c>{message, traceId, correlationId, statusCode}</c>.</summary>
public sealed record CoreErrorResponse(string Message, string? TraceId, string? CorrelationId, int StatusCode);

/// <summary>Validation failure body: <c>{status, message, errors: {field: [message]}}</c>.</summary>
public sealed record ValidationFailedResponse(int Status, string Message, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>Finance platform error body: <c>{statusCode, message, details}</c>.</summary>
public sealed record FinanceErrorResponse(int StatusCode, string Message, string? Details);
