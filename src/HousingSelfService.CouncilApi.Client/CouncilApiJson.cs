using System.Text.Json;
using System.Text.Json.Serialization;

namespace HousingSelfService.CouncilApi.Client;

/// <summary>
/// The council platform's JSON conventions: camelCase properties, enums as strings, nulls omitted.
/// Shared by the Refit clients and the reference API so both speak exactly the same wire format.
/// </summary>
public static class CouncilApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
