using HousingSelfService.CouncilApi;
using Xunit;

namespace HousingSelfService.IntegrationTests.Infrastructure;

/// <summary>
/// The app configured as a council would run it, against a council API at a configured address (here the reference
/// API on its own loopback port), with the finance family pointed at an address where nothing listens.
/// </summary>
public sealed class FinanceOutageAppFactory : HousingAppFactory, IAsyncLifetime
{
    private const string SigningKey = "integration-tests-external-council-api-signing-key";
    private RunningCouncilApi? _councilApi;

    public async ValueTask InitializeAsync()
    {
        _councilApi = await ReferenceCouncilApi.StartAsync(new ReferenceCouncilApiSettings
        {
            Urls = "http://127.0.0.1:0",
            ConnectionString = $"Data Source={Path.Combine(DataFolder, "external-council-api.db")}",
            SigningKey = SigningKey,
        });
        Set("CouncilApi:BaseAddress", _councilApi.BaseAddress.ToString());
        Set("CouncilApi:SigningKey", SigningKey);
        // The discard port: connections are refused at once, as when a service is down.
        Set("CouncilApi:Finance", "http://127.0.0.1:9/");
        Set("Demo:SeedAccounts", "true");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_councilApi is not null)
        {
            await _councilApi.DisposeAsync();
        }
    }
}
