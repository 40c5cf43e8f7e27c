using System.Net;
using AngleSharp.Html.Parser;
using System.Security.Claims;
using HousingSelfService.CouncilApi;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.ContactDetails;
using HousingSelfService.CouncilApi.Client.Persons;
using HousingSelfService.IntegrationTests.Infrastructure;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Assist;
using HousingSelfService.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HousingSelfService.IntegrationTests;

/// <summary>The officer area over real HTTP: who may reach it, search, assist mode and its audit trail, linking accounts.</summary>
public sealed class OfficerTests(HousingAppFactory app) : IClassFixture<HousingAppFactory>
{
    private const string Officer = "officer@demo.housing.test";
    private const string Resident = "repairs@demo.housing.test";
    private static readonly DemoHousehold Assisted = DemoData.Featured[4];

    /// <summary>Every officer page, for the policy tests. A new officer page must be added here.</summary>
    public static TheoryData<string> OfficerRoutes() =>
    [
        "/officer",
        "/officer?q=osei",
        $"/officer/residents/{DemoData.Featured[0].PersonId}",
        $"/officer/residents/{DemoData.Featured[0].PersonId}/assist",
        $"/officer/residents/{DemoData.Featured[0].PersonId}/link",
        "/officer/assist/end",
    ];

    [Theory]
    [MemberData(nameof(OfficerRoutes))]
    public async Task Signed_out_visitors_are_sent_to_sign_in(string route)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(route, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("Account/Login");
    }

    [Theory]
    [MemberData(nameof(OfficerRoutes))]
    public async Task Residents_get_403_and_the_attempt_is_logged(string route)
    {
        using var client = await app.SignedInClientAsync("arrears@demo.housing.test", DemoSignIns.Password);
        var residentId = await UserIdAsync("arrears@demo.housing.test");
        var before = await LastAuditIdAsync();

        using var response = await client.GetAsync(new Uri(route, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await TextAsync(response);
        page.ShouldContain("You cannot see this page");
        page.ShouldNotContain("Find a resident");
        page.ShouldNotContain(DemoData.Featured[0].PaymentReference);
        var refusals = await AuditAsync(e => e.Kind == AuditKind.OfficerPageRefused && e.UserId == residentId && e.Id > before);
        refusals.Count.ShouldBe(1);
        refusals[0].Action.ShouldBe(route.Split('?')[0]);
    }

    [Theory]
    [MemberData(nameof(OfficerRoutes))]
    public async Task Officers_reach_every_officer_page(string route)
    {
        using var client = await app.SignedInClientAsync(Officer, DemoSignIns.Password);

        using var response = await client.GetAsync(new Uri(route, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Officers_find_residents_by_postcode_and_open_their_record()
    {
        using var client = await app.SignedInClientAsync(Officer, DemoSignIns.Password);
        var household = DemoData.Featured[1];

        var results = await client.GetStringAsync(new Uri($"/officer?q={Uri.EscapeDataString(household.Postcode)}", UriKind.Relative),
            TestContext.Current.CancellationToken);
        var record = await client.GetStringAsync(new Uri($"/officer/residents/{household.PersonId}", UriKind.Relative),
            TestContext.Current.CancellationToken);

        results.ShouldContain($"href=\"officer/residents/{household.PersonId}\"");
        var text = Text(record);
        text.ShouldContain($"{household.FirstName} {household.Surname}");
        text.ShouldContain(household.PaymentReference);
        text.ShouldContain("credit@demo.housing.test"); // the linked app account
    }

    [Fact]
    public async Task An_unknown_person_is_not_found()
    {
        using var client = await app.SignedInClientAsync(Officer, DemoSignIns.Password);

        using var response = await client.GetAsync(new Uri($"/officer/residents/{Guid.NewGuid()}", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Starting_assist_needs_a_reason_and_changes_nothing_without_one()
    {
        using var client = await app.SignedInClientAsync(Officer, DemoSignIns.Password);
        var officerId = await UserIdAsync(Officer);
        await app.Services.GetRequiredService<AssistSessions>().EndAsync(officerId, "test", TestContext.Current.CancellationToken);

        using var response = await client.SubmitFormAsync($"/officer/residents/{Assisted.PersonId}/assist", new Dictionary<string, string> { ["Input.Reason"] = " " });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await TextAsync(response);
        page.ShouldContain("There is a problem");
        page.ShouldContain("Enter the reason");
        (await app.Services.GetRequiredService<AssistSessions>().FindActiveAsync(officerId, TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task In_assist_mode_the_officer_sees_the_residents_pages_and_every_read_is_audited()
    {
        using var client = await app.SignedInClientAsync(Officer, DemoSignIns.Password);
        var residentId = await UserIdAsync(Resident);
        var sessionId = await StartAssistAsync(client, "Resident phoned about the damp");

        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        var text = Text(home);
        text.ShouldContain($"Hello, {Assisted.FirstName}");
        text.ShouldContain("Assist mode:");
        text.ShouldContain($"is helping {Assisted.FirstName} {Assisted.Surname}");
        var reads = await AuditAsync(e => e.AssistSessionId == sessionId && e.Kind == AuditKind.CouncilRead);
        reads.ShouldNotBeEmpty();
        reads.ShouldAllBe(e => e.ResidentUserId == residentId && e.PersonId == Assisted.PersonId && e.CorrelationId != null && e.UserName == "Demo Officer");
        reads.Select(e => e.Action).ShouldContain($"GET /api/v1/persons/{Assisted.PersonId}");
        reads.Select(e => e.Action).ShouldContain($"GET /api/v1/tenures/{Assisted.TenureId}");
        var started = (await AuditAsync(e => e.AssistSessionId == sessionId && e.Kind == AuditKind.AssistStarted)).ShouldHaveSingleItem();
        started.Reason.ShouldBe("Resident phoned about the damp");
    }

    [Fact]
    public async Task In_assist_mode_a_write_by_any_feature_is_audited_and_stamped_as_the_officer_for_the_resident()
    {
        using var client = await app.SignedInClientAsync(Officer, DemoSignIns.Password);
        var sessionId = await StartAssistAsync(client, "Resident has a new phone number");

        // Any feature's write goes through the typed clients; here, one made while the officer's request is being handled.
        var created = await AsSignedInAsync(Officer, services => services.GetRequiredService<IContactDetailsApi>().CreateContactDetailAsync(
            new CreateContactDetailRequest
            {
                TargetId = Assisted.PersonId,
                ContactInformation = new ContactInformation { ContactType = ContactType.Phone, SubType = ContactSubType.Mobile, Value = "07700 900123" },
            }, Guid.NewGuid().ToString(), TestContext.Current.CancellationToken));

        created.IsSuccessful.ShouldBeTrue();
        created.Content!.CreatedBy!.FullName.ShouldBe($"Demo Officer for {Assisted.FirstName} {Assisted.Surname}");
        created.Content.CreatedBy.EmailAddress.ShouldBe(Officer);
        var write = (await AuditAsync(e => e.AssistSessionId == sessionId && e.Kind == AuditKind.CouncilWrite)).ShouldHaveSingleItem();
        write.Action.ShouldBe("POST /api/v2/contactDetails");
        write.StatusCode.ShouldBe(201);
        write.CorrelationId.ShouldNotBeNullOrEmpty();

        // The resident sees it; another resident sees nothing of it.
        using var resident = await app.SignedInClientAsync(Resident, DemoSignIns.Password);
        var theirs = Text(await resident.GetStringAsync(new Uri("/account/actions-for-you", UriKind.Relative), TestContext.Current.CancellationToken));
        theirs.ShouldContain("Demo Officer from the housing team helped you");
        theirs.ShouldContain("Resident has a new phone number");
        theirs.ShouldContain("Added contact details");
        using var other = await app.SignedInClientAsync("introductory@demo.housing.test", DemoSignIns.Password);
        var others = Text(await other.GetStringAsync(new Uri("/account/actions-for-you", UriKind.Relative), TestContext.Current.CancellationToken));
        others.ShouldContain("Nobody from the council has used your account to help you");
        others.ShouldNotContain("Resident has a new phone number");
    }

    [Fact]
    public async Task Outside_assist_mode_nothing_is_audited_and_records_name_the_officer()
    {
        using var client = await app.SignedInClientAsync(Officer, DemoSignIns.Password);
        var officerId = await UserIdAsync(Officer);
        await app.Services.GetRequiredService<AssistSessions>().EndAsync(officerId, "test", TestContext.Current.CancellationToken);
        var before = await CountAuditAsync();

        using var response = await AsSignedInAsync(Officer, services =>
            services.GetRequiredService<IPersonsApi>().GetPersonAsync(Assisted.PersonId, TestContext.Current.CancellationToken));

        response.IsSuccessful.ShouldBeTrue();
        (await CountAuditAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Ending_assist_from_the_banner_returns_the_officer_to_their_own_view()
    {
        using var client = await app.SignedInClientAsync(Officer, DemoSignIns.Password);
        var sessionId = await StartAssistAsync(client, "Checking rent with the resident");

        using var end = await client.SubmitFormAsync("/", new Dictionary<string, string>(), "[data-testid=assist-banner] form");

        end.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        end.Headers.Location!.ToString().ShouldContain($"officer/residents/{Assisted.PersonId}");
        var home = Text(await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken));
        home.ShouldNotContain("Assist mode:");
        home.ShouldContain("Officer home");
        (await AuditAsync(e => e.AssistSessionId == sessionId && e.Kind == AuditKind.AssistEnded)).ShouldHaveSingleItem().Reason.ShouldBe("Ended by the officer");
    }

    [Fact]
    public async Task End_assist_on_a_page_left_open_after_the_session_ended_still_returns_the_officer_to_their_view()
    {
        using var client = await app.SignedInClientAsync(Officer, DemoSignIns.Password);
        await StartAssistAsync(client, "Left the page open");
        var home = await new HtmlParser().ParseDocumentAsync(
            await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken));
        var fields = home.QuerySelectorAll("[data-testid=assist-banner] form input[type=hidden]")
            .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? "");
        await app.Services.GetRequiredService<AssistSessions>().EndAsync(await UserIdAsync(Officer), "test", TestContext.Current.CancellationToken);

        using var form = new FormUrlEncodedContent(fields);
        using var end = await client.PostAsync(new Uri("/officer/assist/end", UriKind.Relative), form, TestContext.Current.CancellationToken);

        end.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        end.Headers.Location!.ToString().ShouldEndWith("officer");
    }

    [Fact]
    public async Task Signing_out_ends_the_assist_session()
    {
        using var client = await app.SignedInClientAsync(Officer, DemoSignIns.Password);
        var sessionId = await StartAssistAsync(client, "Helping with a repair");

        using var signOut = await client.SubmitFormAsync("/", new Dictionary<string, string>(), "nav form[action='Account/Logout']");

        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var database = await Database();
        var session = await database.Set<AssistSession>().SingleAsync(s => s.Id == sessionId, TestContext.Current.CancellationToken);
        session.EndedAt.ShouldNotBeNull();
        session.EndReason.ShouldBe("Signed out");
    }

    [Fact]
    public async Task An_officer_links_a_residents_account_with_a_reason_and_it_is_audited()
    {
        var household = DemoData.Households[12];
        var email = $"new-{Guid.NewGuid():N}@example.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HousingUser>>();
            var user = new HousingUser { UserName = email, Email = email, EmailConfirmed = true };
            (await users.CreateAsync(user, "A-long-enough-Password-2026")).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, AppRoles.Resident)).Succeeded.ShouldBeTrue();
        }

        using var client = await app.SignedInClientAsync(Officer, DemoSignIns.Password);
        var url = $"/officer/residents/{household.PersonId}/link";

        using var wrong = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Email"] = "nobody@example.test", ["Input.Reason"] = "Checked ID" });
        (await TextAsync(wrong)).ShouldContain("There is no app account with that email address");
        using var officerAccount = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Email"] = Officer, ["Input.Reason"] = "Checked ID" });
        (await TextAsync(officerAccount)).ShouldContain("That is an officer's account");
        using var linked = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Reason"] = "Resident cannot use the online check; ID seen at the office" });

        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var userId = await UserIdAsync(email);
        await using var database = await Database();
        var link = await database.TenancyLinks.SingleAsync(l => l.UserId == userId && l.IsActive, TestContext.Current.CancellationToken);
        link.LinkedHow.ShouldBe(TenancyLinkMethod.Officer);
        link.LinkedBy.ShouldBe(await UserIdAsync(Officer));
        link.PersonId.ShouldBe(household.PersonId);
        link.TenureId.ShouldBe(household.TenureId);
        link.PaymentReference.ShouldBe(household.PaymentReference);
        var entry = (await AuditAsync(e => e.Kind == AuditKind.AccountLinked && e.ResidentUserId == userId)).ShouldHaveSingleItem();
        entry.Reason.ShouldBe("Resident cannot use the online check; ID seen at the office");
        entry.UserName.ShouldBe("Demo Officer");

        using var again = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Reason"] = "Again" });
        (await TextAsync(again)).ShouldContain("That account is already linked to a tenancy");
    }

    private async Task<Guid> StartAssistAsync(HttpClient client, string reason)
    {
        using var response = await client.SubmitFormAsync($"/officer/residents/{Assisted.PersonId}/assist", new Dictionary<string, string> { ["Input.Reason"] = reason });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var session = await app.Services.GetRequiredService<AssistSessions>().FindActiveAsync(await UserIdAsync(Officer), TestContext.Current.CancellationToken);
        session.ShouldNotBeNull().Reason.ShouldBe(reason);
        return session.Id;
    }

    /// <summary>Runs <paramref name="call"/> as the app does while handling a request from the signed-in user.</summary>
    private async Task<T> AsSignedInAsync<T>(string email, Func<IServiceProvider, Task<T>> call)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HousingUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<HousingUser>>().CreateUserPrincipalAsync(user);
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var accessor = app.Services.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
        try
        {
            return await call(scope.ServiceProvider);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var database = await Database();
        return await database.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<List<AuditEntry>> AuditAsync(System.Linq.Expressions.Expression<Func<AuditEntry, bool>> where)
    {
        await using var database = await Database();
        return await database.Set<AuditEntry>().Where(where).OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    private async Task<long> LastAuditIdAsync()
    {
        await using var database = await Database();
        return await database.Set<AuditEntry>().MaxAsync(e => (long?)e.Id, TestContext.Current.CancellationToken) ?? 0;
    }

    private async Task<int> CountAuditAsync()
    {
        await using var database = await Database();
        return await database.Set<AuditEntry>().CountAsync(TestContext.Current.CancellationToken);
    }

    private Task<HousingDbContext> Database() =>
        app.Services.GetRequiredService<IDbContextFactory<HousingDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        Text(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    /// <summary>The page's text with runs of white space made single, as a reader hears it.</summary>
    private static string Text(string html) =>
        System.Text.RegularExpressions.Regex.Replace(ResidentDataBoundaryTests.TextOf(html), @"\s+", " ");
}
