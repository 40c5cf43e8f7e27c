using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HousingSelfService.CouncilApi.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Api;

/// <summary>The API tests share one reference API; the client tests elsewhere in this assembly do not need it.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCouncilApi : ICollectionFixture<CouncilApiFixture>
{
    public const string Name = "Reference council API";
}

/// <summary>One reference API for all the API tests, on a free loopback port over a temporary SQLite file.</summary>
public sealed class CouncilApiFixture : IAsyncLifetime
{
    public const string SigningKey = "test-signing-key-for-the-reference-council-api-0123456789";
    public const string ActorName = "Test Officer";
    public const string ActorEmail = "test.officer@example.com";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "council-api-tests-" + Guid.NewGuid().ToString("N"));
    private RunningCouncilApi? _api;

    public HttpClient Http { get; private set; } = null!;

    public RunningCouncilApi Running => _api ?? throw new InvalidOperationException("The API has not started.");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _api = await ReferenceCouncilApi.StartAsync(new ReferenceCouncilApiSettings
        {
            Urls = "http://127.0.0.1:0",
            ConnectionString = $"Data Source={Path.Combine(_folder, "council-api.db")}",
            SigningKey = SigningKey,
        });
        Http = new HttpClient { BaseAddress = _api.BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    public static string Token(string[]? groups = null, string key = SigningKey, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(5));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "test-officer",
                ["name"] = ActorName,
                ["email"] = ActorEmail,
                ["groups"] = groups ?? ["housing-self-service"],
            },
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            NotBefore = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Sends a request with a valid token unless told otherwise; a body object is sent as council JSON, a string or HttpContent as-is.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body = null,
        IReadOnlyDictionary<string, string>? headers = null, string? token = "")
    {
        var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Length == 0 ? Token() : token);
        }

        request.Content = body switch
        {
            null => null,
            HttpContent content => content,
            string json => new StringContent(json, Encoding.UTF8, "application/json"),
            _ => JsonContent.Create(body, body.GetType(), options: CouncilApiJson.Options),
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> GetAsync(string url, string? token = "") => SendAsync(HttpMethod.Get, url, token: token);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.Content.ReadFromJsonAsync<T>(CouncilApiJson.Options, TestContext.Current.CancellationToken))!;
    }
}
