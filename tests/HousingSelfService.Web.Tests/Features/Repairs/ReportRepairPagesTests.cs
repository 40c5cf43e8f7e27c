using Microsoft.Extensions.Time.Testing;
using Bunit;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.CouncilApi;
using HousingSelfService.Web.Features.Repairs;
using HousingSelfService.Web.Features.Repairs.Report;
using HousingSelfService.Web.Features.Repairs.Report.Pages;
using HousingSelfService.Web.Infrastructure;
using HousingSelfService.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static HousingSelfService.Web.Tests.Features.Repairs.ReportJourney;

namespace HousingSelfService.Web.Tests.Features.Repairs;

/// <summary>Each page of the report journey, with the real services, the reference API and an in-memory app database.</summary>
public sealed class ReportRepairPagesTests(ReferenceApiFixture api) : MudComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private RepairReportService Report => Services.GetRequiredService<RepairReportService>();

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private AppTestServices SignedIn(DemoHousehold? household = null, TimeProvider? time = null)
    {
        var app = new AppTestServices(this, api, time: time);
        app.SignInResident(household ?? Households.Arrears);
        return app;
    }

    private void ShouldArriveAt(string path) =>
        Navigation.Uri.ShouldEndWith("/" + path, Case.Insensitive);

    private static void ShouldShowError<TPage>(IRenderedComponent<TPage> cut, string fieldId, string message) where TPage : IComponent
    {
        var summary = cut.Find("[data-testid=error-summary]");
        summary.QuerySelector($"a[href='#{fieldId}']").ShouldNotBeNull().TextContent.ShouldBe(message);
        cut.Find($"#{fieldId}").ShouldNotBeNull();
        cut.FindAll(".field-error").Select(e => e.TextContent).ShouldContain(text => text.Contains(message));
        cut.FindAll("h1").Count.ShouldBe(1);
    }

    private IRenderedComponent<TPage> Show<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null) where TPage : IComponent
    {
        var cut = Render(parameters ?? (_ => { }));
        cut.WaitForAssertion(() => cut.FindAll("[role=status]").ShouldBeEmpty(), Wait);
        return cut;
    }

    [Fact]
    public async Task Emergency_question_needs_an_answer_and_starts_nothing_without_one()
    {
        using var app = SignedIn();
        var cut = Render<ReportStartPage>();

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary]"), Wait);
        ShouldShowError(cut, "emergency-Gas", "Select whether it is an emergency");
        (await Report.GetDraftAsync(Token)).ShouldBeNull();
    }

    [Fact]
    public async Task Smell_of_gas_goes_to_the_national_gas_emergency_line_as_a_tel_link()
    {
        using var app = SignedIn();
        var cut = Render<ReportStartPage>();

        cut.Find("#emergency-Gas").Change("Gas");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => ShouldArriveAt("repairs/report/phone/gas"), Wait);
        (await Report.GetDraftAsync(Token)).ShouldBeNull();
        var page = Render<ReportPhonePage>(p => p.Add(x => x.Reason, "gas"));
        page.Find("[data-testid=phone-link]").GetAttribute("href").ShouldBe("tel:+44800111999");
        page.Find("[data-testid=phone-link]").TextContent.ShouldBe("0800 111 999");
    }

    [Fact]
    public void Other_emergencies_go_to_the_councils_24_hour_line()
    {
        using var app = SignedIn();

        var page = Render<ReportPhonePage>(p => p.Add(x => x.Reason, "emergency"));

        page.Find("h1").TextContent.ShouldBe("Call us now: this is an emergency");
        page.Find("[data-testid=phone-link]").GetAttribute("href").ShouldBe(CouncilContact.EmergencyPhoneHref);
    }

    [Fact]
    public async Task Not_an_emergency_starts_a_saved_draft_with_an_idempotency_key_and_asks_where()
    {
        using var app = SignedIn();
        var cut = Render<ReportStartPage>();

        cut.Find("#emergency-NotEmergency").Change("NotEmergency");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => ShouldArriveAt(ReportPaths.Where), Wait);
        var draft = (await Report.GetDraftAsync(Token)).ShouldNotBeNull();
        draft.IdempotencyKey.Length.ShouldBe(32);
        draft.PropertyReference.ShouldBe(Households.Arrears.PropertyReference);
    }

    [Fact]
    public void A_step_without_a_draft_sends_the_resident_to_the_first_question()
    {
        using var app = SignedIn();

        Render<ReportDescribePage>();

        ShouldArriveAt(ReportPaths.Start);
    }

    [Fact]
    public async Task Where_then_triage_walks_the_councils_tree_to_the_describe_page()
    {
        using var app = SignedIn();
        await Report.AnswerEmergencyAsync(EmergencyAnswer.NotEmergency, Token);
        var where = Show<ReportWherePage>();
        where.Find("#where-Tenant").Change("Tenant");
        where.Find("form").Submit();
        where.WaitForAssertion(() => ShouldArriveAt(ReportPaths.Triage(0)), Wait);

        var rooms = Show<ReportTriagePage>(p => p.Add(x => x.Level, 0));
        rooms.Find("h1").TextContent.ShouldBe("Which room is the problem in?");
        rooms.FindAll("label").Select(l => l.TextContent).ShouldContain("Kitchen");
        rooms.Find("input[value=kitchen]").Change("kitchen");
        rooms.Find("form").Submit();
        rooms.WaitForAssertion(() => ShouldArriveAt(ReportPaths.Triage(1)), Wait);

        var problems = Show<ReportTriagePage>(p => p.Add(x => x.Level, 1));
        problems.Find("[data-testid=back-link]").GetAttribute("href").ShouldBe(ReportPaths.Triage(0));
        problems.Find("input[value=sink]").Change("sink");
        problems.Find("form").Submit();
        problems.WaitForAssertion(() => ShouldArriveAt(ReportPaths.Triage(2)), Wait);

        var issues = Show<ReportTriagePage>(p => p.Add(x => x.Level, 2));
        issues.Find("input[value=taps]").Change("taps");
        issues.Find("form").Submit();
        issues.WaitForAssertion(() => ShouldArriveAt(ReportPaths.Describe), Wait);

        var draft = (await Report.GetDraftAsync(Token))!;
        draft.SorCode.ShouldBe("N631321");
        draft.Priority.ShouldBe(RepairPriority.Urgent);
        draft.Issue.ShouldBe("Kitchen: Sink: Taps dripping or loose");
    }

    [Fact]
    public async Task Shared_area_repairs_already_reported_in_the_building_are_shown_before_reporting_one()
    {
        using var app = SignedIn();
        var repairs = Services.GetRequiredService<IRepairsApi>();
        var block = (await repairs.GetPropertyAsync(Households.Arrears.PropertyReference, Token)).Content!.Property.BlockReference.ShouldNotBeNull();
        var description = $"Stairwell light flickering {Guid.NewGuid():N}"[..40];
        using (var raised = await repairs.ScheduleRepairAsync(new ScheduleRepairRequest
        {
            Reference = [new Reference("neighbour")],
            DescriptionOfWork = description,
            Priority = new Priority(RepairPriority.Normal, RepairPriority.Text(RepairPriority.Normal), 21),
            WorkElement = [new WorkElement([new RateScheduleItem("N631341", 1)], [])],
            Site = new Site([new SiteProperty(block)]),
        }, Guid.NewGuid().ToString("N"), Token))
        {
            raised.IsSuccessful.ShouldBeTrue();
        }

        await Report.AnswerEmergencyAsync(EmergencyAnswer.NotEmergency, Token);
        await Report.ChooseRepairTypeAsync(RepairType.Communal, false, Token);
        var cut = Show<ReportTriagePage>(p => p.Add(x => x.Level, 0));

        cut.Find("h1").TextContent.ShouldBe("Which shared area is the problem in?");
        cut.Find("[data-testid=building-repairs]").TextContent.ShouldContain(description);

        await Report.ChooseRepairTypeAsync(RepairType.Tenant, false, Token);
        Show<ReportTriagePage>(p => p.Add(x => x.Level, 0)).FindAll("[data-testid=building-repairs]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Triage_without_a_choice_shows_an_error_and_changes_nothing()
    {
        using var app = SignedIn();
        await Report.AnswerEmergencyAsync(EmergencyAnswer.NotEmergency, Token);
        await Report.ChooseRepairTypeAsync(RepairType.Tenant, false, Token);
        var cut = Show<ReportTriagePage>(p => p.Add(x => x.Level, 0));

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => ShouldShowError(cut, "triage-0", "Select the option that best describes the problem"), Wait);
        (await Report.GetDraftAsync(Token))!.TriagePath.ShouldBeNull();
    }

    [Fact]
    public async Task Triage_early_exits_send_gas_to_the_gas_line_and_other_emergencies_to_the_council()
    {
        using var app = SignedIn();
        await Report.AnswerEmergencyAsync(EmergencyAnswer.NotEmergency, Token);
        await Report.ChooseRepairTypeAsync(RepairType.Tenant, false, Token);

        (await Report.ChooseTriageAsync(0, "kitchen", Token)).Next.ShouldBe(ReportPaths.Triage(1));
        (await Report.ChooseTriageAsync(1, "gas", Token)).Next.ShouldBe(ReportPaths.Phone(PhoneReason.Gas));
        (await Report.ChooseTriageAsync(1, "waterLeak", Token)).Next.ShouldBe(ReportPaths.Phone(PhoneReason.Emergency));
        (await Report.GetDraftAsync(Token))!.SorCode.ShouldBeNull();
    }

    [Fact]
    public async Task Damp_and_mould_is_priority_10_with_awaabs_law_explained()
    {
        using var app = SignedIn();
        await Report.AnswerEmergencyAsync(EmergencyAnswer.NotEmergency, Token);
        await Report.ChooseRepairTypeAsync(RepairType.Tenant, false, Token);
        await Report.ChooseTriageAsync(0, "kitchen", Token);

        (await Report.ChooseTriageAsync(1, "dampOrMould", Token)).Next.ShouldBe(ReportPaths.Describe);

        (await Report.GetDraftAsync(Token))!.Priority.ShouldBe(RepairPriority.DampAndMould);
        var cut = Show<ReportDescribePage>();
        cut.Find("[data-testid=timescale]").TextContent.ShouldContain("Awaab's Law");
        cut.Find("[data-testid=timescale]").TextContent.ShouldContain("10 working days");
    }

    [Fact]
    public async Task A_leaseholders_home_cannot_book_online_and_is_told_why()
    {
        using var app = SignedIn(Households.Leaseholder);
        await Report.AnswerEmergencyAsync(EmergencyAnswer.NotEmergency, Token);
        await Report.ChooseRepairTypeAsync(RepairType.Tenant, false, Token);
        await Report.ChooseTriageAsync(0, "kitchen", Token);
        await Report.ChooseTriageAsync(1, "sink", Token);

        (await Report.ChooseTriageAsync(2, "damaged", Token)).Next.ShouldBe(ReportPaths.Phone(PhoneReason.Property));

        (await Report.GetDraftAsync(Token))!.SorCode.ShouldBeNull();
        var page = Render<ReportPhonePage>(p => p.Add(x => x.Reason, "property"));
        page.Markup.ShouldContain("type of tenancy");
        page.Find("[data-testid=phone-link]").GetAttribute("href").ShouldBe(CouncilContact.PhoneHref);
    }

    [Theory]
    [InlineData("", "Describe the problem")]
    [InlineData("<script>alert(1)</script>", "Description must not include the characters < or >, or web code")]
    [InlineData("TOO_LONG", "Description must be 255 characters or fewer")]
    public async Task Describe_refuses_empty_too_long_and_script_and_keeps_the_saved_answer(string text, string message)
    {
        using var app = SignedIn();
        await ToDescribeAsync(Report);
        var cut = Show<ReportDescribePage>();
        var input = text == "TOO_LONG" ? new string('a', 256) : text;
        var before = Navigation.Uri;

        cut.Find("#description").Input(input);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => ShouldShowError(cut, "description", message), Wait);
        cut.Find("#description").GetAttribute("aria-invalid").ShouldBe("true");
        (await Report.GetDraftAsync(Token))!.Description.ShouldBeNull();
        Navigation.Uri.ShouldBe(before);
    }

    [Fact]
    public async Task Describe_counts_characters_as_the_resident_types_then_moves_on_to_photos()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow); // the pause before the count is read out, without a real wait
        using var app = SignedIn(time: clock);
        await ToDescribeAsync(Report);
        var cut = Show<ReportDescribePage>();
        cut.Find("[data-testid=character-count]").TextContent.ShouldBe("You have 255 characters remaining");

        cut.Find("#description").Input("Leaking");
        cut.Find("[data-testid=character-count]").TextContent.ShouldBe("You have 248 characters remaining");
        clock.Advance(TimeSpan.FromMilliseconds(900));
        cut.Find("[data-testid=character-count-status]").TextContent.ShouldBeEmpty("read out once typing pauses, not on every key");
        clock.Advance(TimeSpan.FromMilliseconds(100));
        cut.WaitForAssertion(() => cut.Find("[data-testid=character-count-status]").TextContent.ShouldBe("You have 248 characters remaining"), Wait);
        cut.Find("#description").Input(new string('x', 258));
        cut.Find("[data-testid=character-count]").TextContent.ShouldBe("You have 3 characters too many");

        cut.Find("#description").Input(Description);
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => ShouldArriveAt(ReportPaths.Photos), Wait);
        (await Report.GetDraftAsync(Token))!.Description.ShouldBe(Description);
    }

    [Fact]
    public async Task Contact_checks_uk_phone_numbers_and_the_chosen_confirmation()
    {
        using var app = SignedIn();
        await ToDescribeAsync(Report);
        await Report.SaveDescriptionAsync(Description, false, Token);
        var cut = Show<ReportContactPage>();

        cut.Find("#contact-name").Change("Mei Osei");
        cut.Find("#contact-phone").Change("12345");
        cut.Find("#confirm-Email").Change("Email");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => ShouldShowError(cut, "contact-phone", "Enter a UK phone number, like 07700 900 982 or 020 7946 0000"), Wait);
        ShouldShowError(cut, "contact-email", "Enter your email address");
        (await Report.GetDraftAsync(Token))!.ContactName.ShouldBeNull();

        cut.Find("#contact-phone").Change("020 7946 0000");
        cut.Find("#confirm-Text").Change("Text");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => ShouldShowError(cut, "confirm-Text", "To get a text, enter a mobile number that starts 07, or choose email"), Wait);

        cut.Find("#confirm-Email").Change("Email");
        cut.Find("#contact-email").Change("mei@example.com");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => ShouldArriveAt(ReportPaths.Appointment), Wait);
        var draft = (await Report.GetDraftAsync(Token))!;
        (draft.ContactPhone, draft.ConfirmBy, draft.ContactEmail).ShouldBe(("020 7946 0000", ConfirmationChannel.Email, "mei@example.com"));
    }

    [Fact]
    public async Task Appointment_shows_slots_grouped_by_day_five_days_a_page_with_later_dates()
    {
        using var app = SignedIn();
        await ToAppointmentAsync(Report);
        var cut = Show<ReportAppointmentPage>();

        var days = cut.FindAll("legend").Select(l => l.TextContent).ToList();
        days.Count.ShouldBe(HousingSelfService.Web.Features.Repairs.Components.SlotPicker.DaysPerPage);
        days.ShouldAllBe(day => day.Contains("day "));
        cut.FindAll("label")[0].TextContent.ShouldMatch("^(Morning|Afternoon), ");
        cut.Find("[data-testid=later-dates]").GetAttribute("href").ShouldBe("repairs/report/appointment?page=1");

        Navigation.NavigateTo("repairs/report/appointment?page=1");
        var later = Show<ReportAppointmentPage>();
        later.FindAll("legend").Select(l => l.TextContent).ShouldNotContain(days[0]);
        later.FindAll("[data-testid=earlier-dates]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Urgent_repairs_are_only_offered_slots_inside_their_target()
    {
        using var app = SignedIn();
        await ToAppointmentAsync(Report, issue: "taps");
        var draft = (await Report.GetDraftAsync(Token))!;

        var slots = await Report.GetSlotsAsync(draft, Token);

        var target = DateOnly.FromDateTime(RepairPriority.Target(RepairPriority.Urgent, UkFormat.Today(TimeProvider.System).ToDateTime(TimeOnly.MinValue)));
        slots.Latest.ShouldBe(target);
        slots.Days.ShouldNotBeNull().ShouldNotBeEmpty();
        slots.Days.ShouldAllBe(d => d.Date <= target);
        var cut = Show<ReportAppointmentPage>();
        cut.Markup.ShouldContain("This repair is urgent");
    }

    [Fact]
    public async Task Appointment_without_a_choice_shows_an_error_then_a_choice_goes_to_check_answers()
    {
        using var app = SignedIn();
        await ToAppointmentAsync(Report);
        var cut = Show<ReportAppointmentPage>();

        cut.Find("form").Submit();
        cut.WaitForAssertion(() => ShouldShowError(cut, "slot-0-0", "Select a time for the repair visit"), Wait);

        cut.Find("#slot-0-0").Change(cut.Find("#slot-0-0").GetAttribute("value"));
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => ShouldArriveAt(ReportPaths.Check), Wait);
        (await Report.GetDraftAsync(Token))!.SlotReference.ShouldNotBeNull();
    }

    [Fact]
    public async Task Check_answers_lists_every_answer_with_change_links()
    {
        using var app = SignedIn();
        await ToCheckAsync(Report);

        var cut = Show<ReportCheckPage>();

        cut.Find("[data-testid=answer-issue]").TextContent.ShouldBe("Kitchen: Sink: Sink cracked or damaged");
        cut.Find("[data-testid=answer-description]").TextContent.ShouldBe(Description);
        cut.Find("[data-testid=answer-contact]").TextContent.ShouldBe("Mei Osei, 07700 900982");
        cut.Find("[data-testid=answer-appointment]").TextContent.ShouldMatch(@"^\w+day \d{1,2} \w+ \d{4}, ");
        cut.FindAll("a").Select(a => a.GetAttribute("href")).ShouldContain("repairs/report/describe?change=true");
        cut.FindAll(".check-answers a").ShouldAllBe(a => a.TextContent.StartsWith("Change", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_link_returns_to_check_answers_after_saving()
    {
        using var app = SignedIn();
        await ToCheckAsync(Report);
        Navigation.NavigateTo("repairs/report/describe?change=true");
        var cut = Show<ReportDescribePage>();

        cut.Find("#description").Input("A different description of the crack.");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => ShouldArriveAt(ReportPaths.Check), Wait);
    }

    [Fact]
    public async Task Sending_raises_one_work_order_books_the_slot_confirms_by_text_and_shows_the_confirmation()
    {
        using var app = SignedIn();
        var draft = await ToCheckAsync(Report);
        var cut = Show<ReportCheckPage>();

        cut.Find("form").Submit();
        cut.WaitForAssertion(() => ShouldArriveAt(ReportPaths.Confirmation(draft.Id)), Wait);

        var sent = (await Report.GetSubmittedAsync(draft.Id, Token)).ShouldNotBeNull();
        sent.State.ShouldBe(RepairDraftState.Sent);
        sent.AppointmentBooked.ShouldBeTrue();
        var workOrder = await Services.GetRequiredService<IRepairsApi>().GetWorkOrderAsync(sent.WorkOrderReference!.Value, Token);
        workOrder.Content!.Description.ShouldBe(Description);
        workOrder.Content.PropertyReference.ShouldBe(Households.Arrears.PropertyReference);
        workOrder.Content.Appointment!.Date.ShouldBe(draft.SlotDate!.Value);

        var page = Show<ReportConfirmationPage>(p => p.Add(x => x.Id, draft.Id));
        page.Find("[data-testid=reference]").TextContent.ShouldBe(sent.WorkOrderReference.Value.ToString(UkFormat.Culture));
        page.Find("[data-testid=confirmation-appointment]").TextContent.ShouldStartWith(UkFormat.DayAndDate(draft.SlotDate.Value));
        var message = app.Notifications.ReadAll().ShouldHaveSingleItem();
        message.TemplateId.ShouldBe(RepairTemplates.SmsId);
        message.Body.ShouldContain(sent.WorkOrderReference.Value.ToString(UkFormat.Culture));

        // Sending again (a double tap, a retry after a reconnect) gives the same report and no second message.
        (await Report.SubmitAsync(Token)).Outcome.ShouldBe(SubmitOutcome.NotReady);
        (await Services.GetRequiredService<RepairSubmission>().SubmitAsync(draft.Id, Token)).Outcome.ShouldBe(SubmitOutcome.Sent);
        app.Notifications.ReadAll().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Another_residents_confirmation_is_not_found()
    {
        using var app = SignedIn();
        var draft = await ToCheckAsync(Report);
        await SendAsync(Report);

        app.SignInResident(Households.Credit, "someone-else@example.test");
        var page = Show<ReportConfirmationPage>(p => p.Add(x => x.Id, draft.Id));

        page.Find("h1").TextContent.ShouldBe("Page not found");
        page.Markup.ShouldNotContain(Description);
    }

    [Fact]
    public async Task The_dashboard_offers_to_continue_a_saved_report_at_its_next_question()
    {
        using var app = SignedIn();
        await ToDescribeAsync(Report);

        var cut = Render<HousingSelfService.Web.Features.Repairs.Components.RepairReportPrompt>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=continue-report]").GetAttribute("href").ShouldBe(ReportPaths.Describe), Wait);
        cut.Find("[data-testid=continue-report]").TextContent.ShouldBe("Continue your repair report");
        cut.Find("[data-testid=draft-kept-for]").TextContent.ShouldBe("We keep a report you have not sent for 28 days after you last change it.");
    }
}
