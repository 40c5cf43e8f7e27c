using HousingSelfService.CouncilApi;
using HousingSelfService.EndToEnd.Infrastructure;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Assist;
using HousingSelfService.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace HousingSelfService.EndToEnd;

/// <summary>
/// An officer finds a resident, helps them in assist mode (looking at a repair as they would), ends assist, and the
/// resident then sees what was done for them; axe-core and reflow checks on every officer page state.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class OfficerJourneyTests(BrowserFixture browser)
{
    private static readonly DemoHousehold Resident = DemoData.Featured[4];

    [Theory]
    [InlineData(320, 640)]
    [InlineData(1280, 800)]
    public async Task An_officer_assists_a_resident_and_the_resident_sees_what_was_done(int width, int height)
    {
        var officer = await browser.NewPageAsync(width, height);
        await officer.SignInAsDemoUserAsync("officer@demo.housing.test");
        await officer.GotoAsync("officer");
        await officer.ExpectHeadingAsync("Find a resident");
        await officer.CheckPageAsync();

        await officer.GetByTestId("search").ClickAsync();
        await officer.GetByRole(AriaRole.Alert).WaitForAsync();
        await officer.CheckPageAsync();

        await officer.GetByLabel("Name, address, postcode or payment reference").FillAsync(Resident.Postcode);
        await officer.GetByTestId("search").ClickAsync();
        await officer.GetByTestId("results").WaitForAsync();
        await officer.CheckPageAsync();

        var name = $"{Resident.FirstName} {Resident.Surname}";
        await officer.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First.ClickAsync();
        await officer.ExpectHeadingAsync(name);
        await officer.CheckPageAsync();

        await officer.GetByTestId("start-assist").ClickAsync();
        await officer.ExpectHeadingAsync($"Help {name}");
        await officer.GetByTestId("confirm-assist").ClickAsync();
        await officer.GetByRole(AriaRole.Alert).WaitForAsync();
        await officer.CheckPageAsync();

        var reason = $"Resident phoned to check on their repair ({width}px)";
        await officer.GetByLabel("Reason").FillAsync(reason);
        await officer.GetByTestId("confirm-assist").ClickAsync();
        await officer.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"Hello, {name}" }).WaitForAsync();
        (await officer.GetByTestId("assist-banner").InnerTextAsync()).ShouldContain($"is helping {name}");
        await officer.WaitForInteractivityAsync();
        await officer.CheckPageAsync();

        // Into a resident page by in-app (interactive) navigation, as the resident would.
        var repairLink = officer.Locator("section:has(#repairs-heading) h3 a").First;
        var description = (await repairLink.InnerTextAsync()).Trim();
        var reference = (await repairLink.GetAttributeAsync("href"))!.Split('/')[^1];
        await repairLink.ClickAsync();
        await officer.ExpectHeadingAsync(description);
        (await officer.GetByTestId("assist-banner").IsVisibleAsync()).ShouldBeTrue();
        await officer.CheckPageAsync();
        (await AuditedActionsAsync(reason)).ShouldContain($"GET /api/v2/workOrders/{reference}");

        await officer.GetByTestId("end-assist").ClickAsync();
        await officer.ExpectHeadingAsync(name);
        (await officer.GetByTestId("assist-banner").CountAsync()).ShouldBe(0);

        var resident = await browser.NewPageAsync(width, height);
        await resident.SignInAsDemoUserAsync("repairs@demo.housing.test");
        await resident.GotoAsync("account/actions-for-you");
        await resident.ExpectHeadingAsync("Actions taken for you by the council");
        var visit = resident.GetByTestId("visit").Filter(new() { HasText = reason });
        await visit.WaitForAsync();
        (await visit.InnerTextAsync()).ShouldContain("your repairs");
        await resident.CheckPageAsync();
    }

    private async Task<List<string>> AuditedActionsAsync(string reason)
    {
        await using var database = await browser.App.Services.GetRequiredService<IDbContextFactory<HousingDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);
        var session = await database.Set<AssistSession>().SingleAsync(s => s.Reason == reason, TestContext.Current.CancellationToken);
        return await database.Set<AuditEntry>().Where(e => e.AssistSessionId == session.Id).Select(e => e.Action)
            .ToListAsync(TestContext.Current.CancellationToken);
    }
}
