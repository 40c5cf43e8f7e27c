using System.Collections.Concurrent;
using HousingSelfService.ScaleOutTests.Infrastructure;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Repairs.Outbox;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shouldly;
using Xunit;

namespace HousingSelfService.ScaleOutTests;

/// <summary>
/// The outbox claim itself on the lane's PostgreSQL, under more contention than two instances make: many senders
/// claiming small batches at once. Without the row locks, an UPDATE that waited for another's would still claim
/// the row the other just claimed (PostgreSQL re-checks only the outer WHERE), so rows could be claimed twice.
/// </summary>
[Collection(ScaleOutCollectionDefinition.Name)]
public sealed class OutboxClaimTests(ScaleOutFixture servers)
{
    private const int Rows = 60;
    private const int Senders = 8;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Many_senders_claiming_at_once_on_postgresql_claim_each_row_exactly_once()
    {
        servers.SkipUnlessRunning();
        // Due in 12 hours, so the running instances' senders leave these rows alone; these senders live a day ahead.
        var dueAt = DateTime.UtcNow.AddHours(12);
        var rows = await AddOutboxRowsAsync(dueAt);
        try
        {
            var claims = new ConcurrentBag<Guid>();
            var future = new FixedTime(DateTimeOffset.UtcNow.AddDays(1));
            // Every sender opens its connection first, then all start claiming together.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var senders = Enumerable.Range(0, Senders).Select(sender => Task.Run(async () =>
            {
                var claim = new OutboxClaim(future);
                await using var database = NewContext();
                await database.Database.OpenConnectionAsync(Cancel);
                await start.Task;
                IReadOnlyList<Guid> claimed;
                do
                {
                    claimed = await claim.ClaimDueAsync<OutboxMessage>(database, $"sender-{sender}", TimeSpan.FromHours(1), 3, Cancel);
                    foreach (var id in claimed)
                    {
                        claims.Add(id);
                    }
                }
                while (claimed.Count > 0);
            }, Cancel)).ToList();
            start.SetResult();
            await Task.WhenAll(senders);

            var ours = claims.Where(rows.Contains).ToList();
            ours.Count.ShouldBe(Rows, "no row is claimed twice");
            ours.Distinct().Count().ShouldBe(Rows, "every row is claimed");
            (await AttemptsAsync(rows)).ShouldAllBe(attempts => attempts == 1);
        }
        finally
        {
            await RemoveAsync(rows);
        }
    }

    /// <summary>
    /// One sender's claim is held open in a transaction while another claims: the second neither waits for it nor
    /// takes its rows (without <c>SKIP LOCKED</c> it would wait, and then take the same rows again).
    /// </summary>
    [Fact]
    public async Task A_sender_skips_rows_another_is_claiming_instead_of_waiting_or_claiming_them_too()
    {
        servers.SkipUnlessRunning();
        var rows = await AddOutboxRowsAsync(DateTime.UtcNow.AddHours(12), count: 6);
        try
        {
            var claim = new OutboxClaim(new FixedTime(DateTimeOffset.UtcNow.AddDays(1)));
            await using var first = NewContext();
            await using var second = NewContext();
            await using var transaction = await first.Database.BeginTransactionAsync(Cancel);
            var firstClaimed = await claim.ClaimDueAsync<OutboxMessage>(first, "first", TimeSpan.FromHours(1), 3, Cancel);

            var secondClaim = claim.ClaimDueAsync<OutboxMessage>(second, "second", TimeSpan.FromHours(1), 3, Cancel);
            var answered = await Task.WhenAny(secondClaim, Task.Delay(TimeSpan.FromSeconds(15), Cancel)) == secondClaim;
            await transaction.CommitAsync(Cancel);
            var secondClaimed = await secondClaim;

            answered.ShouldBeTrue("the second sender does not wait for the first one's rows");
            firstClaimed.Where(rows.Contains).Count().ShouldBe(3);
            secondClaimed.Where(rows.Contains).Count().ShouldBe(3);
            firstClaimed.Intersect(secondClaimed).ShouldBeEmpty();
        }
        finally
        {
            await RemoveAsync(rows);
        }
    }

    private PostgresHousingDbContext NewContext() =>
        new(new DbContextOptionsBuilder<PostgresHousingDbContext>().UseNpgsql(servers.HousingConnectionString).Options);

    /// <summary>Outbox rows (with the drafts they belong to) for the first demo account, none of them due before <paramref name="dueAt"/>.</summary>
    private async Task<List<Guid>> AddOutboxRowsAsync(DateTime dueAt, int count = Rows)
    {
        await using var database = new NpgsqlConnection(servers.HousingConnectionString);
        await database.OpenAsync(Cancel);
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO "RepairDrafts" ("Id", "UserId", "PropertyReference", "IdempotencyKey", "State", "CreatedAt", "UpdatedAt", "AppointmentBooked")
            SELECT id, (SELECT "Id" FROM "AspNetUsers" ORDER BY "Email" LIMIT 1), 'claim-test', id::text, 'Received', now(), now(), false
            FROM unnest(@ids) AS id;
            INSERT INTO "RepairOutbox" ("Id", "DraftId", "Payload", "CreatedAt", "Attempts", "NextAttemptAt")
            SELECT id, id, '{}', now(), 0, @due FROM unnest(@ids) AS id;
            """, database);
        insert.Parameters.AddWithValue("ids", ids.ToArray());
        insert.Parameters.AddWithValue("due", dueAt);
        await insert.ExecuteNonQueryAsync(Cancel);
        return ids;
    }

    private async Task<List<int>> AttemptsAsync(List<Guid> rows)
    {
        await using var database = new NpgsqlConnection(servers.HousingConnectionString);
        await database.OpenAsync(Cancel);
        await using var query = new NpgsqlCommand("""SELECT "Attempts" FROM "RepairOutbox" WHERE "Id" = ANY(@ids)""", database);
        query.Parameters.AddWithValue("ids", rows.ToArray());
        await using var reader = await query.ExecuteReaderAsync(Cancel);
        var attempts = new List<int>();
        while (await reader.ReadAsync(Cancel))
        {
            attempts.Add(reader.GetInt32(0));
        }

        return attempts;
    }

    private async Task RemoveAsync(List<Guid> rows)
    {
        await using var database = new NpgsqlConnection(servers.HousingConnectionString);
        await database.OpenAsync(Cancel);
        await using var delete = new NpgsqlCommand("""DELETE FROM "RepairDrafts" WHERE "Id" = ANY(@ids)""", database); // cascades to the outbox
        delete.Parameters.AddWithValue("ids", rows.ToArray());
        await delete.ExecuteNonQueryAsync(Cancel);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
