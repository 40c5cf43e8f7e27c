using System.Text.Json;
using Shouldly;

namespace HousingSelfService.CouncilApi.Tests.Api;

internal static class JsonAssertions
{
    /// <summary>Asserts the object has each named property, by its exact wire name.</summary>
    public static void ShouldHaveProperties(this JsonElement element, params string[] names)
    {
        element.ValueKind.ShouldBe(JsonValueKind.Object);
        foreach (var name in names)
        {
            element.TryGetProperty(name, out _).ShouldBeTrue($"Expected a '{name}' property in {element}");
        }
    }

    public static void ShouldBeCoreError(this JsonElement element, int statusCode)
    {
        element.ShouldHaveProperties("message", "traceId", "correlationId", "statusCode");
        element.GetProperty("statusCode").GetInt32().ShouldBe(statusCode);
    }

    public static void ShouldBeFinanceError(this JsonElement element, int statusCode)
    {
        element.ShouldHaveProperties("statusCode", "message");
        element.TryGetProperty("traceId", out _).ShouldBeFalse();
        element.GetProperty("statusCode").GetInt32().ShouldBe(statusCode);
    }
}
