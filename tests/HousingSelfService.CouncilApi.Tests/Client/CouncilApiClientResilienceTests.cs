using System.Text;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.ContactDetails;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.CouncilApi.Client.Tenures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Shouldly;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Client;

public sealed class CouncilApiClientResilienceTests : IAsyncLifetime
{
    private const string SigningKey = "client-resilience-tests-signing-key-0123456789";
    private const string TenureJson = """
        {"id":"5f0d1c9e-7b51-4c55-9a8e-0b1c2d3e4f50","paymentReference":"1234567890","householdMembers":[],
         "tenuredAsset":{"id":"6a1d1c9e-7b51-4c55-9a8e-0b1c2d3e4f51","fullAddress":"Flat 1, 2 Example Road, London E8 1AA","propertyReference":"00012345"},
         "tenureType":{"code":"SEC","description":"Secure"},"isActive":true}
        """;

    private ScriptedCouncilServer _server = null!;
    private readonly CountingActorAccessor _actors = new();

    public async ValueTask InitializeAsync() => _server = await ScriptedCouncilServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_read_that_fails_transiently_is_retried_until_it_succeeds()
    {
        _server.Enqueue(ScriptedReply.Status(503), ScriptedReply.Status(502), ScriptedReply.Ok(TenureJson));
        var tenures = BuildClients(("CouncilApi:MaxRetryAttempts", "2")).GetRequiredService<ITenuresApi>();

        using var response = await tenures.GetTenureAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);

        response.IsSuccessStatusCode.ShouldBeTrue();
        response.Content!.PaymentReference.ShouldBe("1234567890");
        _server.Received.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Every_attempt_gets_its_own_token_naming_the_acting_person_and_one_correlation_id()
    {
        _server.Enqueue(ScriptedReply.Status(503), ScriptedReply.Status(503), ScriptedReply.Ok(TenureJson));
        var tenures = BuildClients(("CouncilApi:MaxRetryAttempts", "2")).GetRequiredService<ITenuresApi>();

        using var response = await tenures.GetTenureAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);

        _actors.Calls.ShouldBe(3);
        var attempts = _server.Received.ToArray();
        attempts.Select(a => a.CorrelationId).Distinct().ShouldHaveSingleItem().ShouldNotBeNullOrEmpty();
        foreach (var attempt in attempts)
        {
            attempt.Authorization.ShouldStartWith("Bearer ");
            var validation = await new JsonWebTokenHandler().ValidateTokenAsync(attempt.Authorization["Bearer ".Length..],
                new TokenValidationParameters
                {
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)),
                    ValidateIssuer = false,
                    ValidateAudience = false,
                });
            validation.IsValid.ShouldBeTrue();
            validation.Claims["name"].ShouldBe("Ada Resident");
            validation.Claims["email"].ShouldBe("ada@example.test");
            validation.Claims["sub"].ShouldBe("user-1");
            validation.ClaimsIdentity.FindAll("groups").Select(c => c.Value).ShouldBe(["housing-self-service"]);
        }
    }

    [Fact]
    public async Task A_create_with_an_idempotency_key_is_retried_with_the_same_key()
    {
        _server.Enqueue(ScriptedReply.Status(503), ScriptedReply.Status(504),
            new ScriptedReply(201, """{"id":10000123,"statusCode":200,"statusCodeDescription":"In Progress"}""", TimeSpan.Zero));
        var repairs = BuildClients(("CouncilApi:MaxRetryAttempts", "2")).GetRequiredService<IRepairsApi>();

        using var response = await repairs.ScheduleRepairAsync(ARepair(), "key-123", TestContext.Current.CancellationToken);

        response.IsSuccessStatusCode.ShouldBeTrue();
        response.Content!.Id.ShouldBe(10000123);
        _server.Received.Select(r => r.IdempotencyKey).ShouldBe(["key-123", "key-123", "key-123"]);
    }

    [Fact]
    public async Task A_post_without_an_idempotency_key_is_never_retried()
    {
        _server.Enqueue(ScriptedReply.Status(503), ScriptedReply.Status(200));
        var repairs = BuildClients().GetRequiredService<IRepairsApi>();

        using var response = await repairs.CompleteWorkOrderAsync(
            new WorkOrderCompleteRequest(new WorkOrderReference("10000123"), [new JobStatusUpdate("cancel", "No longer needed")]),
            TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.ServiceUnavailable);
        _server.Received.ShouldHaveSingleItem().Method.ShouldBe("POST");
    }

    [Fact]
    public async Task A_patch_is_never_retried()
    {
        _server.Enqueue(ScriptedReply.Status(503), ScriptedReply.Status(204));
        var contacts = BuildClients().GetRequiredService<IContactDetailsApi>();

        using var response = await contacts.UpdateContactDetailAsync(Guid.NewGuid(), Guid.NewGuid(),
            new UpdateContactDetailRequest(new ContactInformation { ContactType = ContactType.Phone, Value = "07700900123" }), "\"1\"",
            TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.ServiceUnavailable);
        _server.Received.ShouldHaveSingleItem().Method.ShouldBe("PATCH");
    }

    [Fact]
    public async Task A_slow_read_is_abandoned_after_the_attempt_timeout_and_retried()
    {
        _server.Enqueue(ScriptedReply.Slow(TimeSpan.FromSeconds(10)), ScriptedReply.Ok(TenureJson));
        var tenures = BuildClients().GetRequiredService<ITenuresApi>();

        using var response = await tenures.GetTenureAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);

        response.IsSuccessStatusCode.ShouldBeTrue();
        _server.Received.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_read_that_keeps_timing_out_ends_in_a_timeout_not_a_hang()
    {
        _server.Fallback = ScriptedReply.Slow(TimeSpan.FromSeconds(10));
        var tenures = BuildClients(("CouncilApi:TotalTimeout", "00:00:01")).GetRequiredService<ITenuresApi>();

        using var response = await tenures.GetTenureAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);

        // Refit reports transport failures of IApiResponse methods in Error rather than throwing.
        response.IsSuccessStatusCode.ShouldBeFalse();
        response.Error.ShouldBeOfType<Refit.ApiRequestException>().InnerException.ShouldBeOfType<TimeoutRejectedException>();
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_then_stops_calling_the_api()
    {
        _server.Fallback = ScriptedReply.Status(500);
        var tenures = BuildClients().GetRequiredService<ITenuresApi>();
        await FailTwiceWithOneRetryEachAsync(tenures);

        using var rejected = await tenures.GetTenureAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);

        rejected.Error.ShouldNotBeNull().InnerException.ShouldBeOfType<BrokenCircuitException>();
        _server.Received.Count.ShouldBe(4);
    }

    [Fact]
    public async Task One_familys_open_circuit_does_not_stop_another_family()
    {
        _server.Fallback = ScriptedReply.Status(500);
        var clients = BuildClients();
        var tenures = clients.GetRequiredService<ITenuresApi>();
        await FailTwiceWithOneRetryEachAsync(tenures);
        using var rejected = await tenures.GetTenureAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);
        rejected.Error.ShouldNotBeNull().InnerException.ShouldBeOfType<BrokenCircuitException>();

        _server.Fallback = ScriptedReply.Ok("""{"results":[]}""");
        using var contacts = await clients.GetRequiredService<IContactDetailsApi>()
            .GetContactDetailsAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);

        contacts.IsSuccessStatusCode.ShouldBeTrue();
    }

    /// <summary>Four failed attempts: enough (MinimumThroughput = 4, all failing) to open the breaker.</summary>
    private async Task FailTwiceWithOneRetryEachAsync(ITenuresApi tenures)
    {
        for (var call = 0; call < 2; call++)
        {
            using var failed = await tenures.GetTenureAsync(Guid.NewGuid(), TestContext.Current.CancellationToken);
            failed.StatusCode.ShouldBe(System.Net.HttpStatusCode.InternalServerError);
        }

        _server.Received.Count.ShouldBe(4);
    }

    [Fact]
    public async Task A_family_can_have_its_own_address()
    {
        await using var repairsServer = await ScriptedCouncilServer.StartAsync();
        repairsServer.Fallback = ScriptedReply.Ok("[]");
        var repairs = BuildClients(("CouncilApi:Repairs", repairsServer.BaseAddress.ToString())).GetRequiredService<IRepairsApi>();

        var workOrders = await repairs.ListWorkOrdersAsync("00012345", cancellationToken: TestContext.Current.CancellationToken);

        workOrders.ShouldBeEmpty();
        repairsServer.Received.ShouldHaveSingleItem().PathAndQuery.ShouldStartWith("/api/v2/workOrders?propertyReference=00012345");
        _server.Received.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, "not-a-url", "CouncilApi:BaseAddress")]
    [InlineData("short", null, "SigningKey")]
    [InlineData(null, "ftp://council.example/", "absolute http or https")]
    public void Bad_settings_are_rejected_with_a_message_that_names_the_setting(string? signingKey, string? baseAddress, string expected)
    {
        var services = new ServiceCollection().AddCouncilApiClients(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["CouncilApi:SigningKey"] = signingKey ?? SigningKey,
                ["CouncilApi:BaseAddress"] = baseAddress == "not-a-url" ? null : baseAddress ?? _server.BaseAddress.ToString(),
            }).Build()).BuildServiceProvider();

        var failure = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<CouncilApiOptions>>().Value);
        failure.Message.ShouldContain(expected);
    }

    private static ScheduleRepairRequest ARepair() => new()
    {
        Reference = [new Reference("journey-1")],
        DescriptionOfWork = "Kitchen tap drips all the time",
        Priority = new Priority(RepairPriority.Normal, "4 [N] NORMAL", 21),
        WorkElement = [new WorkElement([new RateScheduleItem("N631321", 1)], [new Trade("PL", "Plumbing")])],
        Site = new Site([new SiteProperty("00012345")]),
    };

    private ServiceProvider BuildClients(params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CouncilApi:BaseAddress"] = _server.BaseAddress.ToString(),
            ["CouncilApi:SigningKey"] = SigningKey,
            ["CouncilApi:AttemptTimeout"] = "00:00:00.500",
            ["CouncilApi:TotalTimeout"] = "00:00:05",
            ["CouncilApi:RetryDelay"] = "00:00:00.010",
            ["CouncilApi:MaxRetryAttempts"] = "1",
            ["CouncilApi:MinimumThroughput"] = "4",
            ["CouncilApi:BreakDuration"] = "00:01:00",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<ICouncilApiActorAccessor>(_actors);
        services.AddCouncilApiClients(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    private sealed class CountingActorAccessor : ICouncilApiActorAccessor
    {
        private int _calls;

        public int Calls => _calls;

        public ValueTask<CouncilApiActor?> GetCurrentActorAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return ValueTask.FromResult<CouncilApiActor?>(new CouncilApiActor("user-1", "Ada Resident", "ada@example.test"));
        }
    }
}
