using System.Diagnostics;
using HousingSelfService.CouncilApi.Client;

namespace HousingSelfService.CouncilApi.Infrastructure;

/// <summary>The error bodies clients see: the core family shape, the finance family shape, and validation failures.</summary>
public static class ApiErrors
{
    public static IResult Core(HttpContext context, int statusCode, string message) =>
        Results.Json(CoreBody(context, statusCode, message), CouncilApiJson.Options, statusCode: statusCode);

    public static IResult Finance(int statusCode, string message, string? details = null) =>
        Results.Json(new FinanceErrorResponse(statusCode, message, details), CouncilApiJson.Options, statusCode: statusCode);

    /// <summary>An error in the shape of the family the request was for.</summary>
    public static IResult ForFamily(HttpContext context, int statusCode, string message) =>
        IsFinance(context.Request.Path) ? Finance(statusCode, message) : Core(context, statusCode, message);

    public static IResult Validation(IReadOnlyDictionary<string, string[]> errors) =>
        Results.Json(new ValidationFailedResponse(StatusCodes.Status400BadRequest, "One or more validation errors occurred.", errors),
            CouncilApiJson.Options, statusCode: StatusCodes.Status400BadRequest);

    public static IResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult NotFound(HttpContext context, string what) =>
        ForFamily(context, StatusCodes.Status404NotFound, $"{what} was not found.");

    public static Task WriteForFamilyAsync(HttpContext context, int statusCode, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ForFamily(context, statusCode, message).ExecuteAsync(context);
    }

    public static bool IsFinance(PathString path) =>
        path.StartsWithSegments("/api/v1/accounts", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/v1/transactions", StringComparison.OrdinalIgnoreCase);

    private static CoreErrorResponse CoreBody(HttpContext context, int statusCode, string message) =>
        new(message, Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier, CorrelationId.Of(context), statusCode);
}
