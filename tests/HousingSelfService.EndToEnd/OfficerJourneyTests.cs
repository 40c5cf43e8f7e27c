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
        await SignInAsync(officer, "officer@demo.housing.test");
        await officer.GotoAsync("officer");
        await ExpectHeadingAsync(officer, "Find a resident");
        await CheckPageAsync(officer);

        await officer.GetByTestId("search").ClickAsync();
        await officer.GetByRole(AriaRole.Alert).WaitForAsync();
        await CheckPageAsync(officer);

        await officer.GetByLabel("Name, address, postcode or payment reference").FillAsync(Resident.Postcode);
        await officer.GetByTestId("search").ClickAsync();
        await officer.GetByTestId("results").WaitForAsync();
        await CheckPageAsync(officer);

        var name = $"{Resident.FirstName} {Resident.Surname}";
        await officer.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First.ClickAsync();
        await ExpectHeadingAsync(officer, name);
        await CheckPageAsync(officer);

        await officer.GetByTestId("start-assist").ClickAsync();
        await ExpectHeadingAsync(officer, $"Help {name}");
        await officer.GetByTestId("confirm-assist").ClickAsync();
        await officer.GetByRole(AriaRole.Alert).WaitForAsync();
        await CheckPageAsync(officer);

        var reason = $"Resident phoned to check on their repair ({width}px)";
        await officer.GetByLabel("Reason").FillAsync(reason);
        await officer.GetByTestId("confirm-assist").ClickAsync();
        await officer.GetByRole(AriaRole.Heading, new() { Level = 1, Name = $"Hello, {name}" }).WaitForAsync();
        (await officer.GetByTestId("assist-banner").InnerTextAsync()).ShouldContain($"is helping {name}");
        await officer.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await CheckPageAsync(officer);

        // Into a resident page by in-app (interactive) navigation, as the resident would.
        var repairLink = officer.Locator("section:has(#repairs-heading) h3 a").First;
        var description = (await repairLink.InnerTextAsync()).Trim();
        var reference = (await repairLink.GetAttributeAsync("href"))!.Split('/')[^1];
        await repairLink.ClickAsync();
        await ExpectHeadingAsync(officer, description);
        (await officer.GetByTestId("assist-banner").IsVisibleAsync()).ShouldBeTrue();
        await CheckPageAsync(officer);
        (await AuditedActionsAsync(reason)).ShouldContain($"GET /api/v2/workOrders/{reference}");

        await officer.GetByTestId("end-assist").ClickAsync();
        await ExpectHeadingAsync(officer, name);
        (await officer.GetByTestId("assist-banner").CountAsync()).ShouldBe(0);

        var resident = await browser.NewPageAsync(width, height);
        await SignInAsync(resident, "repairs@demo.housing.test");
        await resident.GotoAsync("account/actions-for-you");
        await ExpectHeadingAsync(resident, "Actions taken for you by the council");
        var visit = resident.GetByTestId("visit").Filter(new() { HasText = reason });
        await visit.WaitForAsync();
        (await visit.InnerTextAsync()).ShouldContain("your repairs");
        await CheckPageAsync(resident);
    }

    private async Task<List<string>> AuditedActionsAsync(string reason)
    {
        await using var database = await browser.App.Services.GetRequiredService<IDbContextFactory<HousingDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);
        var session = await database.Set<AssistSession>().SingleAsync(s => s.Reason == reason, TestContext.Current.CancellationToken);
        return await database.Set<AuditEntry>().Where(e => e.AssistSessionId == session.Id).Select(e => e.Action)
            .ToListAsync(TestContext.Current.CancellationToken);
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoSignIns.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).Filter(new() { HasNotText = "Sign in" }).WaitForAsync();
        if (page.Url.Contains("LoginWith2fa", StringComparison.OrdinalIgnoreCase))
        {
            // Officers must use two-step verification; the demo officer's authenticator key is documented.
            await page.GetByLabel("Security code").FillAsync(IntegrationTests.Infrastructure.Totp.Code(DemoSignIns.OfficerAuthenticatorKey));
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("LoginWith2fa", StringComparison.OrdinalIgnoreCase));
        }
    }

    private static Task ExpectHeadingAsync(IPage page, string text) =>
        page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = text, Exact = true }).WaitForAsync();

    private static async Task CheckPageAsync(IPage page)
    {
        (await page.Locator("h1").CountAsync()).ShouldBe(1, $"{page.Url} should have exactly one h1");
        await page.WaitForFunctionAsync("() => document.title.endsWith('Housing self-service')");
        await page.ShouldHaveNoAccessibilityViolationsAsync();
        await page.ShouldNotScrollHorizontallyAsync();
    }
}
