using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HousingSelfService.CouncilApi;

/// <summary>
/// Runs the reference council API on its own. Settings come from <c>ReferenceCouncilApi__*</c> environment variables
/// or <c>--ReferenceCouncilApi:*</c> command-line arguments (Urls, DatabaseProvider, ConnectionString, SigningKey,
/// SeedDemoData, InjectedLatency).
/// </summary>
public static class Program
{
    private const string SectionName = "ReferenceCouncilApi";
    private const string DevelopmentSigningKey = "development-only-signing-key-for-the-reference-council-api";

    public static async Task Main(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build().GetSection(SectionName);
        var signingKey = configuration["SigningKey"];
        var settings = new ReferenceCouncilApiSettings
        {
            Urls = configuration["Urls"] ?? "http://localhost:5100",
            DatabaseProvider = configuration.GetValue("DatabaseProvider", CouncilDatabaseProvider.Sqlite),
            ConnectionString = configuration["ConnectionString"] ?? "Data Source=App_Data/council-api.db",
            SigningKey = string.IsNullOrWhiteSpace(signingKey) ? DevelopmentSigningKey : signingKey,
            SeedDemoData = configuration.GetValue("SeedDemoData", true),
            InjectedLatency = configuration.GetValue("InjectedLatency", TimeSpan.Zero),
        };
        if (configuration["AllowedGroups"] is { Length: > 0 } groups)
        {
            settings.AllowedGroups = groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        await using var api = await ReferenceCouncilApi.StartAsync(settings);
        var logger = api.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Program));
        if (string.IsNullOrWhiteSpace(signingKey))
        {
            logger.LogWarning("No signing key is configured, so the built-in development key is in use. It is public: for development only. " +
                "Set {Variable} for anything else.", $"{SectionName}__SigningKey");
        }

        var token = ExampleToken(settings);
        await Console.Out.WriteLineAsync($"""

            Reference council API listening on {api.BaseAddress}
            Example bearer token (valid for 12 hours, groups: {settings.AllowedGroups[0]}):

            {token}

            Try:
              curl -H "Authorization: Bearer {token}" {api.BaseAddress}api/v1/tenures/{DemoData.Featured[0].TenureId}

            """);
        await api.App.WaitForShutdownAsync();
    }

    private static string ExampleToken(ReferenceCouncilApiSettings settings)
    {
        var now = settings.TimeProvider.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "developer",
                ["name"] = "Developer",
                ["email"] = "developer@example.com",
                ["groups"] = new[] { settings.AllowedGroups[0] },
            },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(12),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
