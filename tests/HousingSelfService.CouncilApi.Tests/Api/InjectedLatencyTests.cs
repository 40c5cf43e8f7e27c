using System.Net;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Api;

public sealed class InjectedLatencyTests
{
    [Fact]
    public async Task Api_calls_wait_for_the_injected_latency_on_the_configured_clock()
    {
        var folder = Path.Combine(Path.GetTempPath(), "council-api-latency-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var latency = TimeSpan.FromMinutes(10);
        var running = await ReferenceCouncilApi.StartAsync(new ReferenceCouncilApiSettings
        {
            Urls = "http://127.0.0.1:0",
            ConnectionString = $"Data Source={Path.Combine(folder, "latency.db")}",
            SigningKey = CouncilApiFixture.SigningKey,
            SeedDemoData = false,
            TimeProvider = clock,
            InjectedLatency = latency,
        }, TestContext.Current.CancellationToken);
        try
        {
            using var http = new HttpClient { BaseAddress = running.BaseAddress };
            var call = http.GetAsync("api/v1/healthcheck/ping", TestContext.Current.CancellationToken);

            // Without the clock moving on, the call cannot finish, however long real time takes.
            call.IsCompleted.ShouldBeFalse();
            for (var i = 0; i < 500 && !call.IsCompleted; i++)
            {
                clock.Advance(latency);
                await Task.WhenAny(call, Task.Delay(10, TestContext.Current.CancellationToken));
            }

            (await call).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await running.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
