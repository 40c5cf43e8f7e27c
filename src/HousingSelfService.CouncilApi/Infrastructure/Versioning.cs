using System.Globalization;
using HousingSelfService.CouncilApi.Client;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.CouncilApi.Infrastructure;

/// <summary>Optimistic concurrency: the version goes out as an ETag and must come back as If-Match.</summary>
public static class Versioning
{
    public static void SetETag(HttpResponse response, int version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = ETagOf(version);
    }

    public static string ETagOf(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The error to return when If-Match is missing, unreadable or stale; null when it matches.</summary>
    public static IResult? CheckIfMatch(HttpContext context, int currentVersion)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers[CouncilApiHeaders.IfMatch].ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return ApiErrors.Core(context, StatusCodes.Status400BadRequest,
                "The If-Match header is required: send the ETag from the latest GET of this record.");
        }

        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        if (!int.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return ApiErrors.Core(context, StatusCodes.Status400BadRequest,
                $"The If-Match header '{header}' is not a version this API issued.");
        }

        return version == currentVersion
            ? null
            : ApiErrors.Core(context, StatusCodes.Status409Conflict,
                $"The record has changed since version {version}; it is now at version {currentVersion}. Fetch it again and retry.");
    }

    /// <summary>
    /// Saves a change already stamped with its new <paramref name="newVersion"/>: a 409 when another write got there in
    /// between; otherwise the new version goes out as the ETag and the result is null.
    /// </summary>
    public static async Task<IResult?> SaveAsync(HttpContext context, DbContext database, int newVersion, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(database);
        try
        {
            await database.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiErrors.Core(context, StatusCodes.Status409Conflict, $"The {what} was changed by someone else at the same time. Fetch it again and retry.");
        }

        SetETag(context.Response, newVersion);
        return null;
    }
}
