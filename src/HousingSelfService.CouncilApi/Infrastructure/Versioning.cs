using System.Globalization;
using HousingSelfService.CouncilApi.Client;

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
}
