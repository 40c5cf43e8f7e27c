using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace HousingSelfService.Web.Tests.Hosting;

/// <summary>
/// The whole web app in-process, as `dotnet run` starts it: no council API address, so the embedded reference API
/// runs on loopback and the demo sign-ins are seeded. Its SQLite files go to a temporary data folder.
/// </summary>
public sealed class WebAppFixture : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "hss-web-app-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSolutionRelativeContentRoot(string.Empty);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:DataFolder", DataFolder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
