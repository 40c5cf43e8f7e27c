using Bunit;
using HousingSelfService.CouncilApi;
using HousingSelfService.Web.Features.Tenancy.Pages;
using HousingSelfService.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Tenancy;

public sealed class TenancyPagesTests(ReferenceApiFixture api) : MudComponentTest
{
    private IRenderedComponent<T> RenderLoaded<T>(bool interactive = true) where T : IComponent
    {
        SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", interactive));
        var cut = Render<T>();
        cut.WaitForAssertion(() => cut.FindAll("[role=status]").Where(s => s.TextContent.StartsWith("Loading", StringComparison.Ordinal)).ShouldBeEmpty(),
            TimeSpan.FromSeconds(30));
        cut.FindAll("h1").Count.ShouldBe(1);
        return cut;
    }

    [Fact]
    public void My_tenancy_explains_the_tenancy_type_and_shows_the_payment_reference_and_home()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(Households.Introductory);

        var cut = RenderLoaded<TenancyPage>();

        cut.Find("[data-testid=tenancy-type]").TextContent.ShouldBe("Introductory tenancy");
        cut.Find("[data-testid=tenancy]").TextContent.ShouldContain("trial tenancy for your first 12 months");
        cut.Find("[data-testid=tenancy]").TextContent.ShouldContain(Households.Introductory.Postcode);
        cut.Find("[data-testid=payment-reference]").GetAttribute("value").ShouldBe(Households.Introductory.PaymentReference);
        cut.Find("[data-testid=property-facts]").TextContent.ShouldContain("Bedrooms");
        cut.Find("[data-testid=no-notices]").TextContent.ShouldContain("no legal notices");
    }

    [Fact]
    public void Before_the_page_is_interactive_there_is_no_copy_button_that_would_do_nothing()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(Households.Credit);

        var cut = RenderLoaded<TenancyPage>(interactive: false);

        cut.FindAll("[data-testid=copy-reference]").ShouldBeEmpty();
        cut.Find("[data-testid=payment-reference]").HasAttribute("readonly").ShouldBeTrue();
    }

    [Fact]
    public void The_copy_button_puts_the_payment_reference_on_the_clipboard_and_says_so()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(Households.Credit);
        var cut = RenderLoaded<TenancyPage>();

        cut.Find("[data-testid=copy-reference]").Click();

        // The status lands with the re-render after the JS call returns (failed once under CI load when read at once).
        cut.WaitForAssertion(() => cut.Find("[data-testid=copy-status]").TextContent.ShouldBe("Copied"), TimeSpan.FromSeconds(10));
        JSInterop.VerifyInvoke("navigator.clipboard.writeText").Arguments.ShouldBe([Households.Credit.PaymentReference]);
    }

    [Fact]
    public void A_leaseholder_is_told_what_leasehold_means()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(Households.Leaseholder);

        var cut = RenderLoaded<TenancyPage>();

        cut.Find("[data-testid=tenancy-type]").TextContent.ShouldBe("Leasehold");
        cut.Find("[data-testid=tenancy]").TextContent.ShouldContain("You own the lease");
    }

    [Fact]
    public void My_household_lists_each_member_with_their_role_in_an_accessible_table()
    {
        using var app = new AppTestServices(this, api);
        var household = Households.Arrears;
        app.SignInResident(household);

        var cut = RenderLoaded<HouseholdPage>();

        var table = cut.Find("[data-testid=household]");
        table.QuerySelector("caption").ShouldNotBeNull();
        table.QuerySelectorAll("thead th").ShouldAllBe(th => th.GetAttribute("scope") == "col");
        var rows = table.QuerySelectorAll("tbody tr");
        rows.ShouldNotBeEmpty();
        rows[0].QuerySelector("th[scope=row]")!.TextContent.ShouldBe($"{household.FirstName} {household.Surname}");
        rows[0].TextContent.ShouldContain("Tenant (named on the tenancy)");
        cut.Find("[data-testid=add-member]").GetAttribute("href").ShouldBe("tenancy/requests/new/add-household-member");
    }

    [Fact]
    public void An_unlinked_resident_is_told_how_to_get_linked_and_sees_no_tenancy()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(null);

        var cut = RenderLoaded<TenancyPage>();

        cut.FindAll("[data-testid=not-linked]").Count.ShouldBe(1);
        cut.FindAll("[data-testid=tenancy]").ShouldBeEmpty();
    }

    [Fact]
    public void Letters_are_listed_with_download_links_for_the_residents_own_tenancy()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(Households.Arrears);

        var cut = RenderLoaded<LettersPage>();

        var letters = cut.FindAll("[data-testid=letter]");
        letters.Count.ShouldBeGreaterThanOrEqualTo(4);
        letters.ShouldContain(l => l.TextContent.Contains("Rent statement for", StringComparison.Ordinal));
        cut.FindAll("[data-testid=letter-download]").ShouldAllBe(a => a.GetAttribute("href")!.StartsWith("tenancy/letters/", StringComparison.Ordinal));
        cut.Find("[data-testid=letters] caption").ShouldNotBeNull();
    }

    [Fact]
    public void When_the_tenure_system_is_down_the_page_says_so_and_shows_no_tenancy()
    {
        using var app = new AppTestServices(this, api, CouncilApi.Client.CouncilApiFamily.Tenures);
        app.SignInResident(Households.Credit);

        var cut = RenderLoaded<TenancyPage>();

        cut.FindAll("[data-testid=unavailable]").Count.ShouldBe(1);
        cut.FindAll("[data-testid=tenancy]").ShouldBeEmpty();
    }
}
