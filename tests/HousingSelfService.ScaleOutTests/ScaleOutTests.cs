using System.Net;
using HousingSelfService.IntegrationTests.Infrastructure;
using HousingSelfService.ScaleOutTests.Infrastructure;
using HousingSelfService.Web.Infrastructure;
using Npgsql;
using Shouldly;
using Xunit;

namespace HousingSelfService.ScaleOutTests;

/// <summary>
/// Two web instances on PostgreSQL and Redis behind nginx, over real HTTP: health endpoints, a session that works on
/// either instance, sticky routing that fails over, and a cookie that outlives a restart (keys in the database).
/// </summary>
[Collection(ScaleOutCollectionDefinition.Name)]
public sealed class ScaleOutTests(ScaleOutFixture servers)
{
    private const string Resident = "credit@demo.housing.test";
    private const string SignedInMarker = "Hello, ";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_endpoints_answer_anonymously_on_each_instance_and_through_the_proxy()
    {
        servers.SkipUnlessRunning();
        using var client = new HttpClient();
        var addresses = servers.Instances.Select(instance => instance.Address).Append(servers.ProxyAddress);
        foreach (var address in addresses)
        {
            foreach (var path in new[] { "health/live", "health/ready" })
            {
                using var response = await client.GetAsync(new Uri(address, path), Cancel);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{address}{path}");
                (await response.Content.ReadAsStringAsync(Cancel)).ShouldBe("Healthy");
            }
        }
    }

    /// <summary>
    /// The fixture starts both instances at the same moment on the fresh database (without the start-up lock one of
    /// them fails: "Username ... is already taken"); each demo sign-in, role and tenancy link is there once.
    /// </summary>
    [Fact]
    public async Task Instances_started_together_on_a_fresh_database_seed_each_demo_account_once()
    {
        servers.SkipUnlessRunning();
        servers.Instances.ShouldAllBe(instance => instance.IsRunning);
        await using var database = new NpgsqlConnection(servers.HousingConnectionString);
        await database.OpenAsync(Cancel);
        await using var query = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM "AspNetUsers" WHERE "NormalizedEmail" = ANY(@emails)),
                   (SELECT count(DISTINCT "NormalizedEmail") FROM "AspNetUsers" WHERE "NormalizedEmail" = ANY(@emails)),
                   (SELECT count(*) FROM "AspNetRoles"),
                   (SELECT count(*) FROM "TenancyLinks" l JOIN "AspNetUsers" u ON u."Id" = l."UserId" WHERE u."NormalizedEmail" = ANY(@emails))
            """, database);
        query.Parameters.AddWithValue("emails", DemoSignIns.All.Select(signIn => signIn.Email.ToUpperInvariant()).ToArray());
        await using var reader = await query.ExecuteReaderAsync(Cancel);
        (await reader.ReadAsync(Cancel)).ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(DemoSignIns.All.Count);
        reader.GetInt64(1).ShouldBe(DemoSignIns.All.Count);
        reader.GetInt64(2).ShouldBe(AppRoles.All.Count);
        reader.GetInt64(3).ShouldBe(DemoSignIns.All.Count(signIn => signIn.Household is not null));
    }

    [Fact]
    public async Task Readiness_fails_while_the_council_api_cannot_be_reached_but_liveness_does_not()
    {
        servers.SkipUnlessRunning();
        var nowhere = $"http://127.0.0.1:{ServerProcess.FreePort()}/";
        var instance = servers.CreateInstance("web-no-council-api", new Dictionary<string, string> { ["CouncilApi__BaseAddress"] = nowhere });
        try
        {
            await instance.StartAsync(healthPath: "health/live");
            using var client = new HttpClient();
            using var ready = await client.GetAsync(new Uri(instance.Address, "health/ready"), Cancel);
            ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await ready.Content.ReadAsStringAsync(Cancel)).ShouldBe("Unhealthy");
        }
        finally
        {
            await instance.StopAsync();
        }
    }

    [Fact]
    public async Task A_session_started_on_one_instance_is_signed_in_on_the_other()
    {
        servers.SkipUnlessRunning();
        var (first, second) = (servers.Instances[0], servers.Instances[1]);
        using var browser = NewBrowser(first.Address);
        await SignInAsync(browser);

        (await PageAsync(browser, second.Address)).ShouldContain(SignedInMarker);
        using var stranger = NewBrowser(second.Address);
        (await PageAsync(stranger, second.Address)).ShouldNotContain(SignedInMarker);
    }

    [Fact]
    public async Task Through_the_proxy_a_browser_sticks_to_one_instance_moves_when_it_stops_and_its_cookie_outlives_the_restart()
    {
        servers.SkipUnlessRunning();
        using var browser = NewBrowser(servers.ProxyAddress);
        await SignInAsync(browser);
        var upstreams = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            upstreams.Add(await UpstreamOfAsync(browser));
        }

        upstreams.Distinct().Count().ShouldBe(1, "every request with the affinity cookie reaches the same instance");
        var sticky = servers.Instances.Single(instance => instance.Upstream == upstreams[0]);
        try
        {
            await sticky.StopAsync();

            // nginx can answer 502 for a moment when it has just marked the stopped instance down and the other one
            // was marked down too by an earlier failure (fail_timeout); a resident would reload, and so does this.
            var response = await browser.GetAsync(servers.ProxyAddress, Cancel);
            for (var attempt = 1; response.StatusCode == HttpStatusCode.BadGateway && attempt < 30; attempt++)
            {
                response.Dispose();
                await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
                response = await browser.GetAsync(servers.ProxyAddress, Cancel);
            }

            using var answered = response;
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            UpstreamOf(response).ShouldNotBe(sticky.Upstream);
            (await response.Content.ReadAsStringAsync(Cancel)).ShouldContain(SignedInMarker);
        }
        finally
        {
            await sticky.StartAsync();
        }

        // Restarted, the instance still reads the cookie: the keys are in the database, one key ring for all.
        (await PageAsync(browser, sticky.Address)).ShouldContain(SignedInMarker);
        await using var database = new NpgsqlConnection(servers.HousingConnectionString);
        await database.OpenAsync(Cancel);
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM "DataProtectionKeys" """, database);
        ((long)(await count.ExecuteScalarAsync(Cancel))!).ShouldBe(1, "both instances share the key made by whichever started first");
    }

    private static HttpClient NewBrowser(Uri address) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = address };

    private static async Task SignInAsync(HttpClient browser)
    {
        using var response = await browser.PostLoginFormAsync(Resident, DemoSignIns.Password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the demo resident signs in");
    }

    /// <summary>The home page from <paramref name="address"/>, with the browser's cookies (they are not port-bound).</summary>
    private static async Task<string> PageAsync(HttpClient browser, Uri address)
    {
        using var response = await browser.GetAsync(address, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    private static async Task<string> UpstreamOfAsync(HttpClient browser)
    {
        using var response = await browser.GetAsync(new Uri("/", UriKind.Relative), Cancel);
        return UpstreamOf(response);
    }

    private static string UpstreamOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Upstream", out var values) ? values.Last().Split(',').Last().Trim() : "(none)";
}
