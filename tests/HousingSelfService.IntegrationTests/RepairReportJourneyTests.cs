using HousingSelfService.CouncilApi;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.IntegrationTests.Infrastructure;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Repairs;
using HousingSelfService.Web.Features.Repairs.Outbox;
using HousingSelfService.Web.Features.Repairs.Report;
using HousingSelfService.Web.Features.Repairs.Report.Photos;
using HousingSelfService.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace HousingSelfService.IntegrationTests;

/// <summary>
/// The report journey through the whole app (its services, SQLite database, outbox sender and notification sink)
/// and the reference council API over real HTTP, including the council API going down and coming back.
/// </summary>
public sealed class RepairReportJourneyTests(RepairsAppFactory app) : IClassFixture<RepairsAppFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static DemoHousehold Household => DemoData.Featured[0];

    [Fact]
    public async Task Many_taps_on_send_from_several_tabs_raise_one_work_order_and_send_one_confirmation()
    {
        await using var scope = await app.ResidentScopeAsync(Household);
        var (draft, description) = await ReadyToSendAsync(scope);
        var before = app.Services.GetRequiredService<NotificationFolder>().ReadAll().Count;

        // Each tab or reconnected circuit has its own scope; all of them press "Send report" at once.
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            await using var tab = app.Services.CreateAsyncScope();
            return await tab.ServiceProvider.GetRequiredService<RepairSubmission>().SubmitAsync(draft.Id, Token);
        }));

        results.ShouldAllBe(r => r.Outcome == SubmitOutcome.Sent && r.DraftId == draft.Id);
        (await WorkOrdersWithAsync(description)).ShouldHaveSingleItem().Appointment.ShouldNotBeNull();
        app.Services.GetRequiredService<NotificationFolder>().ReadAll().Count.ShouldBe(before + 1);
    }

    [Fact]
    public async Task A_slot_taken_meanwhile_asks_for_another_time_and_then_books_the_same_work_order()
    {
        await using var scope = await app.ResidentScopeAsync(Household);
        var (draft, description) = await ReadyToSendAsync(scope);
        await FillSlotAsync(draft.SlotReference!);

        var first = await scope.ServiceProvider.GetRequiredService<RepairReportService>().SubmitAsync(Token);

        first.Outcome.ShouldBe(SubmitOutcome.SlotTaken);
        var report = scope.ServiceProvider.GetRequiredService<RepairReportService>();
        var kept = (await report.GetDraftAsync(Token)).ShouldNotBeNull();
        kept.SlotReference.ShouldBeNull();
        kept.WorkOrderReference.ShouldNotBeNull();
        RepairReportService.FirstUnanswered(kept).ShouldBe(ReportPaths.Appointment);

        var slots = await report.GetSlotsAsync(kept, Token);
        slots.Days.ShouldNotBeNull().SelectMany(d => d.Slots).ShouldNotContain(s => s.Reference == draft.SlotReference);
        await report.ChooseSlotAsync(slots.Days[0].Slots[0].Reference, slots.Days, Token);
        (await report.SubmitAsync(Token)).Outcome.ShouldBe(SubmitOutcome.Sent);

        var workOrder = (await WorkOrdersWithAsync(description)).ShouldHaveSingleItem();
        workOrder.Reference.ShouldBe(kept.WorkOrderReference!.Value);
        workOrder.Appointment.ShouldNotBeNull().Date.ShouldBe(slots.Days[0].Date);
    }

    [Fact]
    public async Task Council_api_down_at_send_puts_the_report_in_the_outbox_and_delivers_it_once_after_a_restart()
    {
        await using var scope = await app.ResidentScopeAsync(Household);
        var (draft, description) = await ReadyToSendAsync(scope);
        var report = scope.ServiceProvider.GetRequiredService<RepairReportService>();

        await app.StopCouncilApiAsync();
        try
        {
            var sent = await report.SubmitAsync(Token);

            sent.Outcome.ShouldBe(SubmitOutcome.Received);
            var received = (await report.GetSubmittedAsync(draft.Id, Token)).ShouldNotBeNull();
            received.State.ShouldBe(RepairDraftState.Received);
            received.LocalReference.ShouldNotBeNull().ShouldMatch("^HSS-[A-Z2-9]{8}$");
            (await report.GetSendingAsync(Token)).ShouldHaveSingleItem().Id.ShouldBe(draft.Id);
            (await report.GetDraftAsync(Token)).ShouldBeNull();

            // The sender keeps trying while the API is down, and nothing is lost.
            await WaitUntilAsync(async () => (await OutboxRowAsync(draft.Id)).Attempts >= 2);
            (await OutboxRowAsync(draft.Id)).DeliveredAt.ShouldBeNull();
        }
        finally
        {
            await app.StartCouncilApiAsync();
        }

        await WaitUntilAsync(async () => (await OutboxRowAsync(draft.Id)).DeliveredAt is not null);
        var delivered = (await report.GetSubmittedAsync(draft.Id, Token)).ShouldNotBeNull();
        delivered.State.ShouldBe(RepairDraftState.Sent);
        delivered.AppointmentBooked.ShouldBeTrue();
        var workOrder = (await WorkOrdersWithAsync(description)).ShouldHaveSingleItem();
        workOrder.Reference.ShouldBe(delivered.WorkOrderReference!.Value);
        (await report.GetSendingAsync(Token)).ShouldBeEmpty();
        // The confirmation goes just after the delivery is written down, so wait for it, then check it went once.
        var notifications = app.Services.GetRequiredService<NotificationFolder>();
        await WaitUntilAsync(() => Task.FromResult(notifications.ReadAll().Any(n => n.Reference == delivered.LocalReference)));
        (await report.GetSubmittedAsync(draft.Id, Token))!.ConfirmationRetryAt.ShouldBeNull();
        notifications.ReadAll().Count(n => n.Reference == delivered.LocalReference).ShouldBe(1);

        // A crash after the council raised the work order but before we wrote that down: delivered again, same key, same work order.
        await using (var database = await Databases.CreateDbContextAsync(Token))
        {
            await database.Set<OutboxMessage>().Where(m => m.DraftId == draft.Id)
                .ExecuteUpdateAsync(row => row.SetProperty(m => m.DeliveredAt, (DateTime?)null).SetProperty(m => m.NextAttemptAt, (DateTime?)null), Token);
            await database.Set<RepairDraft>().Where(d => d.Id == draft.Id)
                .ExecuteUpdateAsync(row => row.SetProperty(d => d.WorkOrderReference, (int?)null), Token);
        }

        await WaitUntilAsync(async () => (await OutboxRowAsync(draft.Id)).DeliveredAt is not null);
        (await WorkOrdersWithAsync(description)).ShouldHaveSingleItem().Reference.ShouldBe(workOrder.Reference);
        (await report.GetSubmittedAsync(draft.Id, Token))!.WorkOrderReference.ShouldBe(workOrder.Reference);
    }

    [Fact]
    public async Task A_shared_area_repair_is_raised_against_the_block_and_only_the_resident_who_reported_it_can_open_it()
    {
        await using var scope = await app.ResidentScopeAsync(Household);
        var report = scope.ServiceProvider.GetRequiredService<RepairReportService>();
        var description = $"Bin store door broken, test {Guid.NewGuid():N}";
        (await report.AnswerEmergencyAsync(EmergencyAnswer.NotEmergency, Token)).Errors.ShouldBeEmpty();
        (await report.ChooseRepairTypeAsync(RepairType.Communal, false, Token)).Errors.ShouldBeEmpty();
        (await report.ChooseTriageAsync(0, "bins", Token)).Errors.ShouldBeEmpty();
        (await report.ChooseTriageAsync(1, "binStoreDoorBroken", Token)).Next.ShouldBe(ReportPaths.Describe);
        (await report.SaveDescriptionAsync(description, false, Token)).Errors.ShouldBeEmpty();
        (await report.SaveContactAsync(new ContactAnswers("Test Resident", "07700 900123", ConfirmationChannel.Text, null, null), false, Token)).Errors.ShouldBeEmpty();
        var draft = (await report.GetDraftAsync(Token))!;
        var slots = await report.GetSlotsAsync(draft, Token);
        await report.ChooseSlotAsync(slots.Days.ShouldNotBeNull()[0].Slots[0].Reference, slots.Days, Token);

        using var home = await app.Services.GetRequiredService<IRepairsApi>().GetPropertyAsync(Household.PropertyReference, Token);
        var block = home.Content!.Property.BlockReference.ShouldNotBeNull();
        draft = (await report.GetDraftAsync(Token))!;
        draft.BlockReference.ShouldBe(block);
        ReportWording.Where(draft).ShouldBe("In a shared area of your block");
        (await report.SubmitAsync(Token)).Outcome.ShouldBe(SubmitOutcome.Sent);

        var sent = (await report.GetSubmittedAsync(draft.Id, Token))!;
        ReportWording.WhatHappensNext(sent).ShouldContain("you do not need to be at home");
        using var raised = await app.Services.GetRequiredService<IRepairsApi>().GetWorkOrderAsync(sent.WorkOrderReference!.Value, Token);
        raised.Content.ShouldNotBeNull().PropertyReference.ShouldBe(block);
        raised.Content.Description.ShouldBe(description);

        // The resident who reported it can follow it; a neighbour (another account at the same home) cannot.
        var repairs = scope.ServiceProvider.GetRequiredService<RepairsService>();
        (await repairs.GetRepairAsync(sent.WorkOrderReference.Value, Token)).Outcome.ShouldBe(RepairLookup.Found);
        (await repairs.ListAsync(closed: false, Token)).Repairs.ShouldContain(r => r.Reference == sent.WorkOrderReference.Value);
        await using var neighbour = await app.ResidentScopeAsync(Household);
        (await neighbour.ServiceProvider.GetRequiredService<RepairsService>().GetRepairAsync(sent.WorkOrderReference.Value, Token)).Outcome
            .ShouldBe(RepairLookup.NotFound);
    }

    [Fact]
    public async Task A_confirmation_notify_could_not_take_is_retried_by_the_background_sender_and_sent_once()
    {
        await using var scope = await app.ResidentScopeAsync(Household);
        var (draft, _) = await ReadyToSendAsync(scope);
        var report = scope.ServiceProvider.GetRequiredService<RepairReportService>();
        var notify = app.Services.GetRequiredService<IOptions<NotificationOptions>>().Value;
        var folder = app.Services.GetRequiredService<NotificationFolder>();

        notify.SimulateFailure = SimulatedNotifyFailure.ServerError; // Notify is down
        try
        {
            (await report.SubmitAsync(Token)).Outcome.ShouldBe(SubmitOutcome.Sent);
            var failed = (await report.GetSubmittedAsync(draft.Id, Token))!;
            failed.ConfirmationSentAt.ShouldBeNull();
            failed.ConfirmationRetryAt.ShouldNotBeNull();
            await WaitUntilAsync(async () => (await report.GetSubmittedAsync(draft.Id, Token))!.ConfirmationAttempts >= 3);
        }
        finally
        {
            notify.SimulateFailure = SimulatedNotifyFailure.None;
        }

        await WaitUntilAsync(async () => (await report.GetSubmittedAsync(draft.Id, Token))!.ConfirmationSentAt is not null);
        var sent = (await report.GetSubmittedAsync(draft.Id, Token))!;
        sent.ConfirmationRetryAt.ShouldBeNull();
        await Task.Delay(TimeSpan.FromSeconds(2), Token); // several more rounds of the sender: nothing more goes out
        folder.ReadAll().Count(n => n.Reference == sent.LocalReference).ShouldBe(1);
    }

    [Fact]
    public async Task Two_senders_racing_for_one_outbox_row_claim_it_once()
    {
        await using var scope = await app.ResidentScopeAsync(DemoData.Featured[2]);
        var (draft, description) = await ReadyToSendAsync(scope);
        await app.StopCouncilApiAsync();
        try
        {
            (await scope.ServiceProvider.GetRequiredService<RepairReportService>().SubmitAsync(Token)).Outcome.ShouldBe(SubmitOutcome.Received);
        }
        finally
        {
            await app.StartCouncilApiAsync();
        }

        // The hosted sender and two more instances' senders all run a round at once.
        var senders = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<RepairOutboxSender>(app.Services)).ToList();
        await Task.WhenAll(senders.Select(s => s.SendDueAsync(Token)));

        await WaitUntilAsync(async () => (await OutboxRowAsync(draft.Id)).DeliveredAt is not null);
        (await WorkOrdersWithAsync(description)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_unfinished_report_untouched_for_28_days_is_deleted_with_its_photos_and_a_sent_report_is_kept()
    {
        await using var scope = await app.ResidentScopeAsync(Household);
        var report = scope.ServiceProvider.GetRequiredService<RepairReportService>();
        var cleaner = app.Services.GetRequiredService<UnfinishedDraftCleaner>();
        var (unfinished, _) = await ReadyToSendAsync(scope);
        await using (var database = await Databases.CreateDbContextAsync(Token))
        {
            database.Set<RepairPhoto>().Add(new RepairPhoto
            {
                Id = Guid.NewGuid(), DraftId = unfinished.Id, Position = 1, FileName = "sink.jpg", Content = [1, 2, 3], Thumbnail = [4],
                AddedAt = DateTime.UtcNow,
            });
            await database.SaveChangesAsync(Token);
        }

        await LastTouchedAsync(unfinished.Id, TimeSpan.FromDays(27));
        await cleaner.DeleteExpiredAsync(Token);
        (await report.GetDraftAsync(Token)).ShouldNotBeNull().Id.ShouldBe(unfinished.Id); // still there to finish

        await LastTouchedAsync(unfinished.Id, TimeSpan.FromDays(29));
        await cleaner.DeleteExpiredAsync(Token);
        (await report.GetDraftAsync(Token)).ShouldBeNull();
        await using (var database = await Databases.CreateDbContextAsync(Token))
        {
            (await database.Set<RepairDraft>().AnyAsync(d => d.Id == unfinished.Id, Token)).ShouldBeFalse();
            (await database.Set<RepairPhoto>().AnyAsync(p => p.DraftId == unfinished.Id, Token)).ShouldBeFalse();
        }

        // A report that was sent is the resident's record of it, however old.
        var (sent, _) = await ReadyToSendAsync(scope);
        (await report.SubmitAsync(Token)).Outcome.ShouldBe(SubmitOutcome.Sent);
        await LastTouchedAsync(sent.Id, TimeSpan.FromDays(400));
        await cleaner.DeleteExpiredAsync(Token);
        (await report.GetSubmittedAsync(sent.Id, Token)).ShouldNotBeNull().State.ShouldBe(RepairDraftState.Sent);
    }

    private async Task LastTouchedAsync(Guid draftId, TimeSpan ago)
    {
        await using var database = await Databases.CreateDbContextAsync(Token);
        var at = DateTime.UtcNow - ago;
        await database.Set<RepairDraft>().Where(d => d.Id == draftId)
            .ExecuteUpdateAsync(row => row.SetProperty(d => d.UpdatedAt, at), Token);
    }

    private IDbContextFactory<HousingDbContext> Databases => app.Services.GetRequiredService<IDbContextFactory<HousingDbContext>>();

    private async Task<OutboxMessage> OutboxRowAsync(Guid draftId)
    {
        await using var database = await Databases.CreateDbContextAsync(Token);
        return await database.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.DraftId == draftId, Token);
    }

    /// <summary>Answers every question through the app's services; the description is unique, to find the work order after.</summary>
    internal static async Task<(RepairDraft Draft, string Description)> ReadyToSendAsync(AsyncServiceScope scope)
    {
        var report = scope.ServiceProvider.GetRequiredService<RepairReportService>();
        var description = $"Kitchen sink cracked, test {Guid.NewGuid():N}";
        (await report.AnswerEmergencyAsync(EmergencyAnswer.NotEmergency, Token)).Errors.ShouldBeEmpty();
        (await report.ChooseRepairTypeAsync(RepairType.Tenant, false, Token)).Errors.ShouldBeEmpty();
        (await report.ChooseTriageAsync(0, "kitchen", Token)).Errors.ShouldBeEmpty();
        (await report.ChooseTriageAsync(1, "sink", Token)).Errors.ShouldBeEmpty();
        (await report.ChooseTriageAsync(2, "damaged", Token)).Next.ShouldBe(ReportPaths.Describe);
        (await report.SaveDescriptionAsync(description, false, Token)).Errors.ShouldBeEmpty();
        (await report.SaveContactAsync(new ContactAnswers("Test Resident", "07700 900123", ConfirmationChannel.Text, null, null), false, Token))
            .Errors.ShouldBeEmpty();
        var draft = (await report.GetDraftAsync(Token))!;
        var slots = await report.GetSlotsAsync(draft, Token);
        (await report.ChooseSlotAsync(slots.Days.ShouldNotBeNull()[0].Slots[0].Reference, slots.Days, Token)).Next.ShouldBe(ReportPaths.Check);
        return ((await report.GetDraftAsync(Token))!, description);
    }

    private async Task<IReadOnlyList<WorkOrder>> WorkOrdersWithAsync(string description)
    {
        var workOrders = await app.Services.GetRequiredService<IRepairsApi>().ListWorkOrdersAsync(Household.PropertyReference, cancellationToken: Token);
        var more = await app.Services.GetRequiredService<IRepairsApi>().ListWorkOrdersAsync(DemoData.Featured[2].PropertyReference, cancellationToken: Token);
        return workOrders.Concat(more).Where(w => w.Description == description).ToList();
    }

    /// <summary>Other residents book <paramref name="slot"/> until it is full.</summary>
    private async Task FillSlotAsync(string slot)
    {
        var repairs = app.Services.GetRequiredService<IRepairsApi>();
        for (var i = 0; i < 5; i++)
        {
            using var raised = await repairs.ScheduleRepairAsync(new ScheduleRepairRequest
            {
                Reference = [new Reference($"other-{i}")],
                DescriptionOfWork = "Another resident's repair",
                Priority = new Priority(RepairPriority.Normal, RepairPriority.Text(RepairPriority.Normal), 21),
                WorkElement = [new WorkElement([new RateScheduleItem("N631341", 1)], [])],
                Site = new Site([new SiteProperty(DemoData.Featured[1].PropertyReference)]),
            }, Guid.NewGuid().ToString("N"), Token);
            raised.IsSuccessful.ShouldBeTrue();
            using var booked = await repairs.BookAppointmentAsync(new BookAppointmentRequest(
                new WorkOrderReference(raised.Content!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new AppointmentReference(slot)), Token);
            if (!booked.IsSuccessful)
            {
                return; // full now
            }
        }

        throw new InvalidOperationException($"Slot {slot} never filled up.");
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true within 30 seconds.");
            }

            await Task.Delay(200, Token);
        }
    }
}
