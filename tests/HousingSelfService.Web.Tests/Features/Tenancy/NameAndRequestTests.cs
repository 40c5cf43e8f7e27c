using Bunit;
using HousingSelfService.CouncilApi;
using HousingSelfService.CouncilApi.Client.Persons;
using HousingSelfService.CouncilApi.Client.Processes;
using HousingSelfService.Web.Features.Tenancy.Pages;
using HousingSelfService.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Tenancy;

public sealed class NameAndRequestTests(ReferenceApiFixture api) : MudComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private IRenderedComponent<T> RenderLoaded<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : IComponent
    {
        var cut = Render(parameters ?? (_ => { }));
        cut.WaitForAssertion(() => cut.Markup.ShouldNotContain("Loading…"), Wait);
        return cut;
    }

    private static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_preferred_first_name_is_saved_alone_and_the_legal_name_is_kept()
    {
        using var app = new AppTestServices(this, api);
        var household = DemoData.Households[24];
        app.SignInResident(household);
        var cut = RenderLoaded<NamePage>();

        cut.Find("#preferred-first-name").Change("Sunny");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=done]").TextContent.ShouldContain("saved"), Wait);
        using var person = await Services.GetRequiredService<IPersonsApi>().GetPersonAsync(household.PersonId, Xunit.TestContext.Current.CancellationToken);
        person.Content!.PreferredFirstName.ShouldBe("Sunny");
        person.Content.FirstName.ShouldBe(household.FirstName);
        person.Content.PreferredTitle.ShouldBeNull();
    }

    [Fact]
    public async Task An_officers_name_change_meanwhile_is_explained_and_kept()
    {
        using var app = new AppTestServices(this, api);
        var household = DemoData.Households[29];
        app.SignInResident(household);
        var cut = RenderLoaded<NamePage>();
        var persons = Services.GetRequiredService<IPersonsApi>();
        using (var current = await persons.GetPersonAsync(household.PersonId, Xunit.TestContext.Current.CancellationToken))
        using (var officer = await persons.UpdatePersonAsync(household.PersonId, new UpdatePersonRequest { PreferredTitle = "Dr" },
            current.Headers!.ETag!.Tag, Xunit.TestContext.Current.CancellationToken))
        {
            officer.IsSuccessStatusCode.ShouldBeTrue();
        }

        cut.Find("#preferred-title").Change("Mx");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]").TextContent.ShouldContain("changed your name while"), Wait);
        // The officer's title comes back in a render of its own once it is read again: wait for it.
        cut.WaitForAssertion(() => cut.Find("#preferred-title").GetAttribute("value").ShouldBe("Dr"), Wait);
        using var person = await persons.GetPersonAsync(household.PersonId, Xunit.TestContext.Current.CancellationToken);
        person.Content!.PreferredTitle.ShouldBe("Dr");
    }

    [Fact]
    public async Task Script_in_a_preferred_name_is_refused_and_nothing_changes()
    {
        using var app = new AppTestServices(this, api);
        var household = DemoData.Households[25];
        app.SignInResident(household);
        var cut = RenderLoaded<NamePage>();

        cut.Find("#preferred-surname").Change("<img src=x onerror=alert(1)>");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary] a").GetAttribute("href").ShouldBe("#preferred-surname"), Wait);
        using var person = await Services.GetRequiredService<IPersonsApi>().GetPersonAsync(household.PersonId, Xunit.TestContext.Current.CancellationToken);
        person.Content!.PreferredSurname.ShouldBeNull();
    }

    [Fact]
    public void Ending_a_tenancy_needs_four_weeks_notice_and_the_declaration()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(DemoData.Households[26]);
        var cut = RenderLoaded<RequestFormPage>(p => p.Add(x => x.Slug, "end-tenancy"));

        cut.Find("#endDate").Change(InDays(7));
        cut.Find("form").Submit();

        var summary = cut.Find("[data-testid=error-summary]").TextContent;
        summary.ShouldContain("at least 4 weeks from today");
        summary.ShouldContain("Select an answer");
        summary.ShouldContain("Confirm that you understand");
        cut.FindAll("[data-testid=check-answers]").ShouldBeEmpty();

        cut.Find("#endDate").Change("2026-02-30");
        cut.Find("form").Submit();
        cut.Find("#endDate-error").TextContent.ShouldContain("Enter a real date");
    }

    [Fact]
    public void A_request_goes_through_check_answers_to_a_reference_shown_under_my_requests()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(DemoData.Households[27]);
        var cut = RenderLoaded<RequestFormPage>(p => p.Add(x => x.Slug, "end-tenancy"));

        cut.Find("#endDate").Change(InDays(35));
        cut.Find("#reason").Change("buying");
        cut.Find("#forwardingAddress").Change("12 New Street, London E1 1AA");
        cut.Find("#declaration").Change(true);
        cut.Find("form").Submit();

        var check = cut.Find("[data-testid=check-answers]").TextContent;
        check.ShouldContain("Buying a home");
        check.ShouldContain("12 New Street");
        cut.Find("[data-testid=send]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=request-reference]").TextContent.ShouldMatch("^TP-[0-9A-F]{8}$"), Wait);
        var reference = cut.Find("[data-testid=request-reference]").TextContent;

        var requests = RenderLoaded<RequestsPage>();
        var row = requests.FindAll("[data-testid=request]").Single(r => r.TextContent.Contains(reference, StringComparison.Ordinal));
        row.TextContent.ShouldContain("End your tenancy");
        row.QuerySelector("[data-testid=request-status]")!.TextContent.ShouldBe("Received");
    }

    [Fact]
    public async Task Adding_a_household_member_lists_the_evidence_and_lands_as_a_process_on_the_residents_tenure()
    {
        using var app = new AppTestServices(this, api);
        var household = DemoData.Households[28];
        app.SignInResident(household);
        var cut = RenderLoaded<RequestFormPage>(p => p.Add(x => x.Slug, "add-household-member"));
        cut.Find("[data-testid=evidence]").TextContent.ShouldContain("birth certificate");

        cut.Find("#fullName").Change("Baby Test");
        cut.Find("#dateOfBirth").Change(InDays(-3));
        cut.Find("#relationship").Change("child");
        cut.Find("#reason").Change("birth");
        cut.Find("#moveInDate").Change(InDays(-3));
        cut.Find("form").Submit();
        cut.Find("[data-testid=send]").Click();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=request-reference]").Count.ShouldBe(1), Wait);

        using var processes = await Services.GetRequiredService<IProcessesApi>().GetProcessesAsync(household.TenureId, Xunit.TestContext.Current.CancellationToken);
        var process = processes.Content!.Results.Single(p => p.ProcessName == ProcessNames.AddHouseholdMember);
        process.FormData["fullName"]!.GetValue<string>().ShouldBe("Baby Test");
        process.CurrentState.State.ShouldBe(ProcessStates.Submitted);
    }

    [Fact]
    public void Removing_a_household_member_offers_only_the_other_people_in_the_household()
    {
        using var app = new AppTestServices(this, api);
        var household = Households.Arrears;
        app.SignInResident(household);
        var cut = RenderLoaded<RequestFormPage>(p => p.Add(x => x.Slug, "remove-household-member"));
        // The household arrives after the form itself: wait for the people, or for the message that there are none.
        cut.WaitForAssertion(() => cut.FindAll("fieldset:has(#member) label, [data-testid=no-members]").ShouldNotBeEmpty(), TimeSpan.FromSeconds(30));

        var labels = cut.FindAll("fieldset:has(#member) label").Select(l => l.TextContent).ToList();
        labels.ShouldNotContain($"{household.FirstName} {household.Surname}");
        if (labels.Count == 0)
        {
            cut.FindAll("[data-testid=no-members]").Count.ShouldBe(1);
        }
    }

    [Fact]
    public void An_unknown_request_type_is_not_found()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(Households.Credit);

        var cut = RenderLoaded<RequestFormPage>(p => p.Add(x => x.Slug, "no-such-request"));

        cut.Find("h1").TextContent.ShouldBe("Page not found");
        cut.FindAll("form").ShouldBeEmpty();
    }
}
