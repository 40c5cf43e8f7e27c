using System.Net;
using System.Net.Sockets;
using HousingSelfService.CouncilApi;

[assembly: AssemblyFixture(typeof(HousingSelfService.Web.Tests.Infrastructure.ReferenceApiFixture))]

namespace HousingSelfService.Web.Tests.Infrastructure;

/// <summary>The real reference council API on a loopback port, over a temporary SQLite file, shared by the test run.</summary>
public sealed class ReferenceApiFixture : IAsyncLifetime
{
    public const string SigningKey = "web-tests-signing-key-0123456789-abcdefghijklmnop";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hss-web-tests-" + Guid.NewGuid().ToString("N"));
    private RunningCouncilApi? _api;

    public Uri BaseAddress => _api?.BaseAddress ?? throw new InvalidOperationException("The reference API has not started.");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _api = await ReferenceCouncilApi.StartAsync(new ReferenceCouncilApiSettings
        {
            Urls = "http://127.0.0.1:0",
            ConnectionString = $"Data Source={Path.Combine(_folder, "council-api.db")}",
            SigningKey = SigningKey,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.StopAsync();
            await _api.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does no harm.
        }
    }

    /// <summary>An address on loopback where nothing listens, to stand for a council API family that is down.</summary>
    public static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
