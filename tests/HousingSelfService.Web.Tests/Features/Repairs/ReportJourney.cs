using Shouldly;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.Web.Features.Repairs.Report;

namespace HousingSelfService.Web.Tests.Features.Repairs;

/// <summary>Answers the report's questions through the service, to put a draft at the step a test is about.</summary>
internal static class ReportJourney
{
    public const string Description = "The kitchen sink has a long crack and leaks into the cupboard.";

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task ToDescribeAsync(RepairReportService report, string issue = "damaged")
    {
        (await report.AnswerEmergencyAsync(EmergencyAnswer.NotEmergency, Token)).Errors.ShouldBeEmpty();
        (await report.ChooseRepairTypeAsync(RepairType.Tenant, false, Token)).Errors.ShouldBeEmpty();
        (await report.ChooseTriageAsync(0, "kitchen", Token)).Errors.ShouldBeEmpty();
        (await report.ChooseTriageAsync(1, "sink", Token)).Errors.ShouldBeEmpty();
        (await report.ChooseTriageAsync(2, issue, Token)).Next.ShouldBe(ReportPaths.Describe);
    }

    public static async Task ToAppointmentAsync(RepairReportService report, string issue = "damaged")
    {
        await ToDescribeAsync(report, issue);
        (await report.SaveDescriptionAsync(Description, false, Token)).Errors.ShouldBeEmpty();
        (await report.SaveContactAsync(new ContactAnswers("Mei Osei", "07700 900982", ConfirmationChannel.Text, null, "Ring twice"), false, Token))
            .Errors.ShouldBeEmpty();
    }

    public static async Task<RepairDraft> ToCheckAsync(RepairReportService report, string issue = "damaged")
    {
        await ToAppointmentAsync(report, issue);
        var draft = (await report.GetDraftAsync(Token))!;
        var slots = await report.GetSlotsAsync(draft, Token);
        slots.Days.ShouldNotBeNull().ShouldNotBeEmpty();
        (await report.ChooseSlotAsync(slots.Days[0].Slots[0].Reference, slots.Days, Token)).Next.ShouldBe(ReportPaths.Check);
        return (await report.GetDraftAsync(Token))!;
    }

    /// <summary>
    /// Sends the report at check answers. Test classes share the reference API's diary, so another test can book the
    /// chosen visit first: then this chooses the first time still free and sends again, as a resident would.
    /// </summary>
    public static async Task SendAsync(RepairReportService report)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var outcome = (await report.SubmitAsync(Token)).Outcome;
            if (outcome != SubmitOutcome.SlotTaken)
            {
                outcome.ShouldBe(SubmitOutcome.Sent);
                return;
            }

            var draft = (await report.GetDraftAsync(Token)).ShouldNotBeNull();
            var slots = await report.GetSlotsAsync(draft, Token);
            (await report.ChooseSlotAsync(slots.Days.ShouldNotBeNull()[0].Slots[0].Reference, slots.Days, Token)).Next.ShouldBe(ReportPaths.Check);
        }

        throw new ShouldAssertException("The report was not sent: the visit time chosen was taken five times over.");
    }
}
