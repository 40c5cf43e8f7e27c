using System.Globalization;
using Bunit;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.Web.Features.Repairs;
using HousingSelfService.Web.Features.Repairs.Pages;
using HousingSelfService.Web.Features.Repairs.Report;
using HousingSelfService.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static HousingSelfService.Web.Tests.Features.Repairs.ReportJourney;

namespace HousingSelfService.Web.Tests.Features.Repairs;

/// <summary>My repairs, moving a visit and cancelling, on a repair the resident has just reported through the app.</summary>
public sealed class ChangeAndCancelRepairTests(ReferenceApiFixture api) : MudComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private IRepairsApi Api => Services.GetRequiredService<IRepairsApi>();

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private async Task<(AppTestServices App, int Reference)> ReportedRepairAsync()
    {
        var app = new AppTestServices(this, api);
        app.SignInResident(Households.Arrears);
        var report = Services.GetRequiredService<RepairReportService>();
        var draft = await ToCheckAsync(report);
        await SendAsync(report);
        return (app, (await report.GetSubmittedAsync(draft.Id, Token))!.WorkOrderReference!.Value);
    }

    private IRenderedComponent<TPage> Show<TPage>(Action<ComponentParameterCollectionBuilder<TPage>> parameters) where TPage : IComponent
    {
        var cut = Render(parameters);
        cut.WaitForAssertion(() => cut.FindAll("[role=status]").ShouldBeEmpty(), Wait);
        cut.FindAll("h1").Count.ShouldBe(1);
        return cut;
    }

    private async Task<WorkOrder> WorkOrderAsync(int reference) => (await Api.GetWorkOrderAsync(reference, Token)).Content!;

    [Fact]
    public async Task My_repairs_filters_open_and_closed_with_status_due_date_and_appointment()
    {
        var (app, reference) = await ReportedRepairAsync();
        using var _ = app;

        var open = Render<MyRepairsPage>();
        open.WaitForAssertion(() => open.FindAll("[role=status]").ShouldBeEmpty(), Wait);
        // Wait for the row itself: under load the list can render a moment after the loading message has gone.
        open.WaitForAssertion(() => open.FindAll("[data-testid=repair-row]").Count(r => r.InnerHtml.Contains($"repairs/{reference}", StringComparison.Ordinal)).ShouldBe(1), Wait);
        var row = open.FindAll("[data-testid=repair-row]").Single(r => r.InnerHtml.Contains($"repairs/{reference}", StringComparison.Ordinal));
        row.QuerySelector("[data-testid=repair-status]")!.TextContent.ShouldBe("In progress");
        row.QuerySelector("[data-testid=repair-due]")!.TextContent.ShouldStartWith("Due by ");
        row.QuerySelector("[data-testid=repair-appointment]")!.TextContent.ShouldStartWith("Appointment: ");
        open.Find("[data-testid=filter-open]").GetAttribute("aria-current").ShouldBe("page");

        Navigation.NavigateTo("repairs?show=closed");
        var closed = Render<MyRepairsPage>();
        closed.WaitForAssertion(() => closed.FindAll("[role=status]").ShouldBeEmpty(), Wait);
        closed.Find("h2").TextContent.ShouldBe("Closed repairs");
        closed.Markup.ShouldNotContain($"repairs/{reference}\"");
        closed.Find("[data-testid=filter-closed]").GetAttribute("aria-current").ShouldBe("page");
    }

    [Fact]
    public async Task Moving_the_visit_offers_other_free_times_and_books_the_chosen_one()
    {
        var (app, reference) = await ReportedRepairAsync();
        using var _ = app;
        var before = (await WorkOrderAsync(reference)).Appointment!;

        var cut = Show<ChangeAppointmentPage>(p => p.Add(x => x.Reference, reference));
        cut.Find("[data-testid=current-appointment]").TextContent.ShouldContain(HousingSelfService.Web.Infrastructure.UkFormat.DayAndDate(before.Date));
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => cut.Find(".field-error").TextContent.ShouldContain("Select a new time for the visit"), Wait);

        var second = cut.FindAll("input[type=radio]")[1];
        var slot = second.GetAttribute("value")!;
        second.Change(slot);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Navigation.Uri.ShouldEndWith($"/repairs/{reference}"), Wait);
        var after = (await WorkOrderAsync(reference)).Appointment!;
        $"{(after.Description == "AM" ? 1 : 2)}/{after.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}".ShouldBe(slot);
    }

    [Fact]
    public async Task A_time_taken_meanwhile_gets_its_own_message_and_the_visit_stays_as_it_was()
    {
        var (app, reference) = await ReportedRepairAsync();
        using var _ = app;
        var before = (await WorkOrderAsync(reference)).Appointment!;
        var cut = Show<ChangeAppointmentPage>(p => p.Add(x => x.Reference, reference));
        var radio = cut.FindAll("input[type=radio]")[^1];
        var slot = radio.GetAttribute("value")!;
        radio.Change(slot);

        await FillSlotAsync(slot);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=slot-taken]").TextContent.ShouldContain("someone else booked that time"), Wait);
        cut.FindAll($"input[value='{slot}']").ShouldBeEmpty();
        (await WorkOrderAsync(reference)).Appointment.ShouldBe(before);
    }

    [Fact]
    public async Task Cancelling_needs_a_plain_reason_then_cancels_and_cannot_be_done_twice()
    {
        var (app, reference) = await ReportedRepairAsync();
        using var _ = app;
        var cut = Show<CancelRepairPage>(p => p.Add(x => x.Reference, reference));

        cut.Find("form").Submit();
        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary]").TextContent.ShouldContain("Select or enter why you want to cancel the repair"), Wait);

        cut.Find("#reason-3").Change("other");
        cut.Find("#other-reason").Change("<script>alert('x')</script>");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => cut.Find("a[href='#other-reason']").TextContent.ShouldBe("The reason must not include the characters < or >, or web code"), Wait);
        (await WorkOrderAsync(reference)).Status.ShouldBe("In Progress");

        cut.Find("#other-reason").Change("A neighbour fixed it for me");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => Navigation.Uri.ShouldEndWith($"/repairs/{reference}"), Wait);
        (await WorkOrderAsync(reference)).Status.ShouldBe("Work Cancelled");
        (await Api.GetNotesAsync(reference, Token)).ShouldContain(n => n.Note.Contains("A neighbour fixed it for me", StringComparison.Ordinal));

        var again = Show<CancelRepairPage>(p => p.Add(x => x.Reference, reference));
        again.Find("[data-testid=not-allowed]").TextContent.ShouldContain("already closed");
        var move = Show<ChangeAppointmentPage>(p => p.Add(x => x.Reference, reference));
        move.Find("[data-testid=not-allowed]").ShouldNotBeNull();
        var detail = Show<RepairDetailPage>(p => p.Add(x => x.Reference, reference));
        detail.FindAll("[data-testid=cancel-repair-link]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_households_repair_cannot_be_moved_or_cancelled_and_looks_unknown()
    {
        var (app, reference) = await ReportedRepairAsync();
        using var _ = app;
        app.SignInResident(Households.Credit, "other-household@example.test");

        var move = Show<ChangeAppointmentPage>(p => p.Add(x => x.Reference, reference));
        var cancel = Show<CancelRepairPage>(p => p.Add(x => x.Reference, reference));

        move.Find("h1").TextContent.ShouldBe("Page not found");
        cancel.Find("h1").TextContent.ShouldBe("Page not found");
        cancel.Markup.ShouldNotContain(Description);
        var repairs = Services.GetRequiredService<RepairsService>();
        (await repairs.CancelAsync(reference, "Not mine", Token)).ShouldBe(RepairChangeOutcome.NotFound);
        (await repairs.RebookAsync(reference, "1/2099-01-01", Token)).ShouldBe(RepairChangeOutcome.NotFound);
        (await WorkOrderAsync(reference)).Status.ShouldBe("In Progress");
    }

    /// <summary>Other residents book <paramref name="slot"/> until it is full.</summary>
    private async Task FillSlotAsync(string slot)
    {
        for (var i = 0; i < 5; i++)
        {
            using var raised = await Api.ScheduleRepairAsync(new ScheduleRepairRequest
            {
                Reference = [new Reference($"other-{i}")],
                DescriptionOfWork = "Another resident's repair",
                Priority = new Priority(RepairPriority.Normal, RepairPriority.Text(RepairPriority.Normal), 21),
                WorkElement = [new WorkElement([new RateScheduleItem("N631341", 1)], [])],
                Site = new Site([new SiteProperty(Households.Credit.PropertyReference)]),
            }, Guid.NewGuid().ToString("N"), Token);
            using var booked = await Api.BookAppointmentAsync(new BookAppointmentRequest(
                new WorkOrderReference(raised.Content!.Id.ToString(CultureInfo.InvariantCulture)), new AppointmentReference(slot)), Token);
            if (!booked.IsSuccessful)
            {
                return;
            }
        }

        throw new InvalidOperationException($"Slot {slot} never filled up.");
    }
}
