using System.Text.Json;
using System.Text.Json.Nodes;
using HousingSelfService.CouncilApi.Client;

namespace HousingSelfService.CouncilApi.Infrastructure;

/// <summary>
/// A request body read as raw JSON: partial updates need to know which keys were sent, and idempotency needs the
/// body itself to compare retries.
/// </summary>
public sealed record JsonBody(JsonObject Json)
{
    public static async Task<(JsonBody? Body, IResult? Error)> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
            return node is JsonObject json
                ? (new JsonBody(json), null)
                : (null, ApiErrors.Validation("body", "The request body must be a JSON object."));
        }
        catch (JsonException exception)
        {
            return (null, ApiErrors.Validation("body", $"The request body is not valid JSON: {exception.Message}"));
        }
    }

    public bool Has(string key) => Json.ContainsKey(key);

    /// <summary>The body as a request record, or the validation error that says why it cannot be one.</summary>
    public (T? Value, IResult? Error) As<T>() where T : class
    {
        try
        {
            return Json.Deserialize<T>(CouncilApiJson.Options) is { } value
                ? (value, null)
                : (null, ApiErrors.Validation("body", "The request body is empty."));
        }
        catch (JsonException exception)
        {
            var field = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "body" : exception.Path.TrimStart('$', '.');
            return (null, ApiErrors.Validation(field, exception.Message));
        }
    }

    /// <summary>The body with object keys sorted and whitespace removed, so equal bodies hash equally.</summary>
    public string Canonical() => Canonicalise(Json)?.ToJsonString() ?? "null";

    private static JsonNode? Canonicalise(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => KeyValuePair.Create(pair.Key, Canonicalise(pair.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Canonicalise)]),
        null => null,
        _ => node.DeepClone(),
    };
}
