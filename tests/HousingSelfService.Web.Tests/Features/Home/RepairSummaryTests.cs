using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.Web.Features.Home;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Home;

public sealed class RepairSummaryTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static WorkOrder WorkOrder(string status, DateTime? target, WorkOrderAppointment? appointment = null) => new()
    {
        Reference = 10000001,
        DateRaised = new DateTime(2026, 11, 1, 9, 30, 0, DateTimeKind.Utc),
        Priority = "4 [N] NORMAL",
        PriorityCode = RepairPriority.Normal,
        PropertyReference = "00012345",
        Description = "Kitchen tap dripping",
        Target = target,
        Status = status,
        Appointment = appointment,
    };

    [Fact]
    public void An_open_repair_past_its_due_date_is_overdue_and_a_closed_one_is_not()
    {
        DashboardService.ToSummary(WorkOrder("In Progress", new DateTime(2026, 11, 23)), Today).IsOverdue.ShouldBeTrue();
        DashboardService.ToSummary(WorkOrder("In Progress", new DateTime(2026, 11, 24)), Today).IsOverdue.ShouldBeFalse();
        DashboardService.ToSummary(WorkOrder("Work Complete", new DateTime(2026, 11, 1)), Today).IsOverdue.ShouldBeFalse();
    }

    [Fact]
    public void Status_dates_and_appointment_are_mapped_to_words_and_UK_dates()
    {
        var summary = DashboardService.ToSummary(
            WorkOrder("No Access", new DateTime(2026, 11, 21), new WorkOrderAppointment(new DateOnly(2026, 11, 20), "AM", "08:00", "12:00")), Today);

        summary.Status.ShouldBe("We could not get in");
        summary.Raised.ShouldBe(new DateOnly(2026, 11, 1));
        summary.DueBy.ShouldBe(new DateOnly(2026, 11, 21));
        summary.AppointmentPassed.ShouldBeTrue();
        Wording.Appointment(summary.Appointment!.Date, summary.Appointment.Start, summary.Appointment.End)
            .ShouldBe("Friday 20 November 2026, 8am to midday");
    }
}
