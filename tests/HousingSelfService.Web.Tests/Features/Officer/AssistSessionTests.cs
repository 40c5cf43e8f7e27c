using HousingSelfService.CouncilApi.Client;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Assist;
using HousingSelfService.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Officer;

/// <summary>Assist sessions over a real (in-memory SQLite) app database, with a fake clock for the idle time-out.</summary>
public sealed class AssistSessionTests : MudComponentTest
{
    private readonly AppTestServices _app;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public AssistSessionTests(ReferenceApiFixture api)
    {
        _app = new AppTestServices(this, api);
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton<AuditTrail>();
        Services.AddSingleton<AssistSessions>();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _app.Dispose();
        }

        base.Dispose(disposing);
    }

    private AssistSessions Sessions => Services.GetRequiredService<AssistSessions>();

    private static readonly OfficerIdentity Officer = new("officer-1", "Sam Officer", "sam@example.test");

    [Fact]
    public async Task A_session_with_no_activity_for_30_minutes_has_ended_when_it_timed_out()
    {
        var session = await StartAsync();

        _time.Advance(TimeSpan.FromMinutes(31));

        (await Sessions.FindActiveAsync(Officer.UserId, Xunit.TestContext.Current.CancellationToken)).ShouldBeNull();
        await using var database = await Database();
        var ended = await database.Set<AssistSession>().SingleAsync(s => s.Id == session.Id, Xunit.TestContext.Current.CancellationToken);
        ended.EndReason.ShouldBe("Timed out");
        ended.EndedAt.ShouldBe(session.StartedAt + AssistSessions.IdleTimeout);
        (await database.Set<AuditEntry>().CountAsync(e => e.AssistSessionId == session.Id && e.Kind == AuditKind.AssistEnded,
            Xunit.TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Fact]
    public async Task Council_api_calls_in_the_session_keep_it_alive_and_are_audited()
    {
        var session = await StartAsync();
        var viewer = await Sessions.FindAssistedViewerAsync(Officer.UserId, Xunit.TestContext.Current.CancellationToken);
        viewer.ShouldNotBeNull().Assist.ShouldNotBeNull().OfficerName.ShouldBe("Sam Officer");

        _time.Advance(TimeSpan.FromMinutes(20));
        await Sessions.RecordCallAsync(viewer, new CouncilApiCall(HttpMethod.Get, $"/api/v1/tenures/{Households.Arrears.TenureId}", 200, "abc123"),
            Xunit.TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMinutes(20));

        (await Sessions.FindActiveAsync(Officer.UserId, Xunit.TestContext.Current.CancellationToken)).ShouldNotBeNull().Id.ShouldBe(session.Id);
        await using var database = await Database();
        var read = await database.Set<AuditEntry>().SingleAsync(e => e.AssistSessionId == session.Id && e.Kind == AuditKind.CouncilRead,
            Xunit.TestContext.Current.CancellationToken);
        read.CorrelationId.ShouldBe("abc123");
        read.ResidentUserId.ShouldBe(viewer.UserId);
        read.UserId.ShouldBe(Officer.UserId);
    }

    [Fact]
    public async Task Starting_to_help_someone_else_ends_the_first_session()
    {
        var first = await StartAsync();
        var second = await StartAsync();

        (await Sessions.FindActiveAsync(Officer.UserId, Xunit.TestContext.Current.CancellationToken))!.Id.ShouldBe(second.Id);
        await using var database = await Database();
        (await database.Set<AssistSession>().SingleAsync(s => s.Id == first.Id, Xunit.TestContext.Current.CancellationToken))
            .EndReason.ShouldBe("Started helping someone else");
    }

    [Theory]
    [InlineData("GET /api/v1/accounts?targetId=1", "your rent account")]
    [InlineData("GET /api/v2/workOrders/10000001/notes", "your repairs")]
    [InlineData("GET /api/v9/unknown", "your council records")]
    public void Reads_are_described_by_the_part_of_the_record_they_touched(string action, string words) =>
        ActionWording.Area(action).ShouldBe(words);

    [Theory]
    [InlineData("POST /api/v2/workOrders/schedule", "Reported a repair")]
    [InlineData("POST /api/v2/appointments", "Booked a repair appointment")]
    [InlineData("DELETE /api/v1/contactDetails?targetId=1&id=2", "Removed contact details")]
    [InlineData("PATCH /api/v1/persons/1", "Changed your personal details")]
    public void Changes_are_described_in_plain_words(string action, string words) =>
        ActionWording.Change(action).ShouldBe(words);

    private async Task<AssistSession> StartAsync()
    {
        var residentId = _app.SignInResident(Households.Arrears, $"resident-{Guid.NewGuid():N}@example.test");
        return await Sessions.StartAsync(Officer, residentId, "Mei Osei", Households.Arrears.PersonId, "Phoned in",
            Xunit.TestContext.Current.CancellationToken);
    }

    private Task<HousingDbContext> Database() =>
        Services.GetRequiredService<IDbContextFactory<HousingDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
}
