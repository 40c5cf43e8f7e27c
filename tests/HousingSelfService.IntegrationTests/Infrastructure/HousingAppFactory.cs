using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HousingSelfService.IntegrationTests.Infrastructure;

/// <summary>
/// The whole web app as it runs for a user: the repo root as content root (root appsettings.json and wwwroot/),
/// its own SQLite database in a fresh folder, and — unless settings say otherwise — the reference council API
/// started in-process on loopback and called over real HTTP.
/// </summary>
public class HousingAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public HousingAppFactory() : this(new Dictionary<string, string?>())
    {
    }

    protected HousingAppFactory(IDictionary<string, string?> settings)
    {
        DataFolder = Directory.CreateTempSubdirectory("housing-self-service-tests-").FullName;
        _settings = new Dictionary<string, string?>(settings) { ["Database:DataFolder"] = DataFolder };
    }

    public string DataFolder { get; }

    /// <summary>Adds or replaces a setting; only before the app is first used.</summary>
    protected void Set(string key, string? value) => _settings[key] = value;

    /// <summary>Serve over real Kestrel on a free loopback port (for the browser), not the in-memory test server.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot(string.Empty);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            // UseSetting, not ConfigureAppConfiguration: Program reads these before the host is built.
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open only leaves a temp folder behind.
            }
        }
    }
}
