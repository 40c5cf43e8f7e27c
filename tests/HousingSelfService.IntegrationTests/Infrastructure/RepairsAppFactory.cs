using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using HousingSelfService.CouncilApi;
using HousingSelfService.Web.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HousingSelfService.IntegrationTests.Infrastructure;

/// <summary>
/// The app against the reference council API on its own fixed loopback port, so a test can stop the API (the
/// council's repairs system going down) and start it again on the same address and database. The repair
/// outbox is polled quickly so deliveries after a restart happen within a test.
/// </summary>
public sealed class RepairsAppFactory : HousingAppFactory, IAsyncLifetime
{
    private const string SigningKey = "integration-tests-repairs-council-api-signing-key";
    private readonly int _port = FreePort();
    private RunningCouncilApi? _councilApi;

    public Uri CouncilApiAddress => new($"http://127.0.0.1:{_port}/");

    public async ValueTask InitializeAsync()
    {
        await StartCouncilApiAsync();
        Set("CouncilApi:BaseAddress", CouncilApiAddress.ToString());
        Set("CouncilApi:SigningKey", SigningKey);
        Set("CouncilApi:MaxRetryAttempts", "1");
        Set("CouncilApi:RetryDelay", "00:00:00");
        Set("CouncilApi:AttemptTimeout", "00:00:03");
        Set("CouncilApi:BreakDuration", "00:00:00.500");
        Set("Repairs:Outbox:PollInterval", "00:00:00.300");
        Set("Repairs:Outbox:RetryDelay", "00:00:00.200");
        Set("Demo:SeedAccounts", "true");
    }

    public async Task StartCouncilApiAsync() =>
        _councilApi = await ReferenceCouncilApi.StartAsync(new ReferenceCouncilApiSettings
        {
            Urls = CouncilApiAddress.ToString().TrimEnd('/'),
            ConnectionString = $"Data Source={Path.Combine(DataFolder, "repairs-council-api.db")}",
            SigningKey = SigningKey,
        });

    public async Task StopCouncilApiAsync()
    {
        if (_councilApi is not null)
        {
            await _councilApi.StopAsync();
            await _councilApi.DisposeAsync();
            _councilApi = null;
        }
    }

    /// <summary>A DI scope acting as a new resident linked to <paramref name="household"/>, as a signed-in circuit would.</summary>
    public async Task<AsyncServiceScope> ResidentScopeAsync(DemoHousehold household)
    {
        ArgumentNullException.ThrowIfNull(household);
        var userId = Guid.NewGuid().ToString();
        await using (var database = await Services.GetRequiredService<IDbContextFactory<HousingDbContext>>().CreateDbContextAsync())
        {
            var email = $"{userId}@example.test";
            database.Users.Add(new HousingUser { Id = userId, UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant() });
            database.TenancyLinks.Add(new TenancyLink
            {
                UserId = userId,
                PersonId = household.PersonId,
                TenureId = household.TenureId,
                PaymentReference = household.PaymentReference,
                PropertyReference = household.PropertyReference,
                LinkedAt = DateTime.UtcNow,
                LinkedHow = TenancyLinkMethod.Demo,
                LinkedBy = "test",
            });
            await database.SaveChangesAsync();
        }

        var scope = Services.CreateAsyncScope();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, $"{userId}@example.test")], "test"));
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        return scope;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await StopCouncilApiAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
