using HousingSelfService.ScaleOutTests.Infrastructure;
using Npgsql;
using Shouldly;
using Xunit;

namespace HousingSelfService.ScaleOutTests;

/// <summary>
/// Repair reports in Chromium through nginx, with both instances on one PostgreSQL database: an outbox that both
/// instances drain delivers each report once, and a report started on an instance that dies is finished on the other.
/// </summary>
[Collection(ScaleOutCollectionDefinition.Name)]
public sealed class RepairReportScaleOutTests(ScaleOutFixture servers)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reports_queued_on_both_instances_while_the_council_api_is_down_each_raise_exactly_one_work_order()
    {
        await using var browser = await Browser.LaunchAsync(servers);
        var run = Guid.NewGuid().ToString("N")[..8];
        // Three of the demo residents (the leaseholder reports repairs in their home by phone; "repairs" is the other test's).
        string[] residents = ["arrears", "credit", "introductory"];
        var reports = new List<(Resident Resident, string Description)>();
        for (var i = 0; i < residents.Length; i++)
        {
            // Alternately on each instance.
            var wanted = servers.Instances[i % 2].Upstream;
            var resident = await browser.SignInAsync($"{residents[i]}@demo.housing.test", wanted);
            // Under load nginx may briefly mark the wanted instance down (max_fails) and send the sign-in elsewhere:
            // sign in afresh, as a second browser would, until the resident is on the instance this test needs.
            for (var attempt = 1; resident.Upstream != wanted && attempt < 5; attempt++)
            {
                resident = await browser.SignInAsync($"{residents[i]}@demo.housing.test", wanted);
            }

            resident.Upstream.ShouldBe(wanted);
            reports.Add((resident, $"Sink cracked, scale-out outbox test {run} report {i + 1}"));
        }

        // Every question answered while the council API is up (the visit times come from it)...
        foreach (var (resident, description) in reports)
        {
            await ReportJourney.OpenAsync(resident.Page);
            await ReportJourney.AnswerAsync(resident.Page, description);
        }

        // ...and it goes down as they press send: each report is saved to the outbox of the instance it was sent on.
        var drafts = new List<Guid>();
        await servers.StopCouncilApiAsync();
        try
        {
            foreach (var (resident, _) in reports)
            {
                drafts.Add(await ReportJourney.SendAsync(resident.Page, "Repair report received"));
            }

            // Both instances' senders try them (and fail) while the API is down.
            await WaitUntilAsync(async () => (await OutboxAsync(drafts)).All(row => row.Attempts >= 2), "both senders retry every row");
            (await OutboxAsync(drafts)).ShouldAllBe(row => row.DeliveredAt == null);
        }
        finally
        {
            await servers.RestartCouncilApiAsync();
        }

        // Back up: both instances' senders run at once, each claiming rows the other has not locked.
        await WaitUntilAsync(async () => (await OutboxAsync(drafts)).All(row => row.DeliveredAt != null), "every queued report is delivered");
        var rows = await OutboxAsync(drafts);
        rows.Count.ShouldBe(reports.Count);
        rows.ShouldAllBe(row => row.State == "Sent" && row.WorkOrderReference != null && row.LeaseOwner == null);
        rows.Select(row => row.WorkOrderReference).Distinct().Count().ShouldBe(reports.Count);
        foreach (var (row, description) in rows.Zip(reports.Select(report => report.Description)))
        {
            (await CouncilAsync("""SELECT count(*) FROM "WorkOrders" WHERE "Description" = @p""", description))
                .ShouldBe(1, $"one work order for {description}");
            (await CouncilAsync("""SELECT "Reference" FROM "WorkOrders" WHERE "Description" = @p""", description))
                .ShouldBe(row.WorkOrderReference!.Value);
            (await CouncilAsync("""SELECT count(*) FROM "IdempotencyKeys" WHERE "Key" = @p AND "State" = 'Completed'""", row.IdempotencyKey))
                .ShouldBe(1, "the report's Idempotency-Key was used for one completed request");
            servers.Notifications.ReadAll().Count(sent => sent.Reference == row.LocalReference)
                .ShouldBe(1, $"one confirmation for {row.LocalReference}");
        }
    }

    [Fact]
    public async Task A_report_started_on_an_instance_that_dies_is_finished_on_the_other_without_losing_answers()
    {
        await using var browser = await Browser.LaunchAsync(servers);
        var resident = await browser.SignInAsync("repairs@demo.housing.test");
        var page = resident.Page;
        var description = $"Sink cracked, scale-out failover test {Guid.NewGuid():N}";
        await ReportJourney.OpenAsync(page);
        // Up to and including the description, then the instance holding the browser's circuit is killed.
        const string contact = "Who should we contact about this repair?";
        await ReportJourney.AnswerAsync(page, description, until: contact);
        var sticky = servers.Instances.Single(instance => instance.Upstream == resident.Upstream);
        try
        {
            await sticky.StopAsync();

            // The browser carries on through the proxy, now on the other instance, where the saved draft is.
            await ReportJourney.OpenAsync(page, "/repairs/report/contact");
            await ReportJourney.ExpectHeadingAsync(page, contact); // not sent back to an earlier question: the answers are there
            await ReportJourney.AnswerAsync(page, description);
            (await page.GetByTestId("answer-description").InnerTextAsync()).ShouldBe(description);
            var draft = await ReportJourney.SendAsync(page, "Repair reported");

            (await CouncilAsync("""SELECT count(*) FROM "WorkOrders" WHERE "Description" = @p""", description)).ShouldBe(1);
            (await OutboxAsync([draft])).ShouldBeEmpty("sent at once, nothing queued");
        }
        finally
        {
            await sticky.StartAsync();
        }
    }

    private sealed record OutboxRow(Guid DraftId, string State, int? WorkOrderReference, string? LocalReference, string IdempotencyKey,
        int Attempts, string? LeaseOwner, DateTime? DeliveredAt);

    /// <summary>The outbox rows of these drafts, with the drafts' state, straight from the app's database.</summary>
    private async Task<List<OutboxRow>> OutboxAsync(IReadOnlyList<Guid> drafts)
    {
        await using var database = new NpgsqlConnection(servers.HousingConnectionString);
        await database.OpenAsync(Cancel);
        await using var query = new NpgsqlCommand("""
            SELECT d."Id", d."State", d."WorkOrderReference", d."LocalReference", d."IdempotencyKey", o."Attempts", o."LeaseOwner", o."DeliveredAt"
            FROM "RepairOutbox" o JOIN "RepairDrafts" d ON d."Id" = o."DraftId" WHERE d."Id" = ANY(@drafts)
            """, database);
        query.Parameters.AddWithValue("drafts", drafts.ToArray());
        await using var reader = await query.ExecuteReaderAsync(Cancel);
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync(Cancel))
        {
            rows.Add(new OutboxRow(reader.GetGuid(0), reader.GetString(1), await reader.IsDBNullAsync(2, Cancel) ? null : reader.GetInt32(2),
                await reader.IsDBNullAsync(3, Cancel) ? null : reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                await reader.IsDBNullAsync(6, Cancel) ? null : reader.GetString(6), await reader.IsDBNullAsync(7, Cancel) ? null : reader.GetDateTime(7)));
        }

        return rows.OrderBy(row => drafts.ToList().IndexOf(row.DraftId)).ToList(); // in the order the reports were sent
    }

    /// <summary>One number from the reference council API's own database.</summary>
    private async Task<long> CouncilAsync(string sql, string parameter)
    {
        await using var database = new NpgsqlConnection(servers.PostgresConnectionString("council"));
        await database.OpenAsync(Cancel);
        await using var query = new NpgsqlCommand(sql, database);
        query.Parameters.AddWithValue("p", parameter);
        return Convert.ToInt64(await query.ExecuteScalarAsync(Cancel), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Polls for up to 90 s (CI shares two cores between test projects); never a fixed sleep.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"timed out waiting until {what}");
            await Task.Delay(250, Cancel);
        }
    }
}
