using Bunit;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.Web.Features.Home.Pages;
using HousingSelfService.Web.Tests.Infrastructure;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Home;

/// <summary>The home page against the real reference council API on loopback, with the real API clients.</summary>
public sealed class HomePageTests(ReferenceApiFixture api) : MudComponentTest
{
    private AppTestServices App(CouncilApiFamily? down = null) => new(this, api, down);

    private IRenderedComponent<HomePage> RenderHome()
    {
        var cut = Render<HomePage>();
        cut.WaitForAssertion(() => cut.FindAll("[role=status]").ShouldBeEmpty(), TimeSpan.FromSeconds(30));
        cut.FindAll("h1").Count.ShouldBe(1);
        return cut;
    }

    [Fact]
    public void Resident_in_arrears_sees_their_name_address_tenancy_and_what_they_owe()
    {
        using var app = App();
        app.SignInResident(Households.Arrears);

        var cut = RenderHome();

        cut.Find("h1").TextContent.ShouldContain(Households.Arrears.Surname);
        cut.Find("[data-testid=balance]").TextContent.ShouldMatch(@"^You owe £[\d,]+\.\d{2}$");
        cut.Find("[data-testid=balance-as-at]").TextContent.ShouldStartWith("as at ");
        cut.Find("[data-testid=weekly-rent]").TextContent.ShouldMatch(@"^£[\d,]+\.\d{2}$");
        cut.Find("[data-testid=tenancy-type]").TextContent.ShouldBe("Secure tenancy");
        cut.Find("[data-testid=address]").TextContent.ShouldNotBeNullOrWhiteSpace();
        cut.FindAll("[data-testid=unavailable]").ShouldBeEmpty();
    }

    [Fact]
    public void Resident_in_credit_sees_their_credit()
    {
        using var app = App();
        app.SignInResident(Households.Credit);

        RenderHome().Find("[data-testid=balance]").TextContent.ShouldMatch(@"^You are £[\d,]+\.\d{2} in credit$");
    }

    [Fact]
    public void Introductory_tenant_sees_the_tenancy_type_in_plain_words()
    {
        using var app = App();
        app.SignInResident(Households.Introductory);

        var cut = RenderHome();

        cut.Find("[data-testid=tenancy-type]").TextContent.ShouldBe("Introductory tenancy");
        cut.Find("[data-testid=tenancy-meaning]").TextContent.ShouldContain("trial tenancy");
    }

    [Fact]
    public void Resident_with_a_damp_repair_sees_it_with_its_status_in_words_and_the_appointment()
    {
        using var app = App();
        app.SignInResident(Households.DampRepair);

        var cut = RenderHome();

        var rows = cut.FindAll("[data-testid=repair-row]");
        rows.ShouldNotBeEmpty();
        var damp = rows.First(r => r.TextContent.Contains("mould", StringComparison.OrdinalIgnoreCase));
        damp.QuerySelector("[data-testid=repair-status]")!.TextContent.ShouldBe("In progress");
        damp.QuerySelector("[data-testid=repair-appointment]")!.TextContent.ShouldMatch(@"^(Last appointment|Appointment): \w+day \d{1,2} \w+ \d{4}, ");
        damp.QuerySelector("a")!.GetAttribute("href").ShouldStartWith("repairs/");
        cut.Find("[data-testid=next-appointment]").TextContent.ShouldMatch(@"^\w+day \d{1,2} \w+ \d{4}, \S+ to \S+$");
        damp.QuerySelector("[data-testid=repair-due]")!.TextContent.ShouldMatch(@"^Due by \d{1,2} \w+ \d{4}( \(overdue\))?$");
    }

    [Theory]
    [InlineData(CouncilApiFamily.Finance, "rent-card", "We can't show your rent balance right now.")]
    [InlineData(CouncilApiFamily.Repairs, "repairs-card", "We can't show your repairs right now.")]
    [InlineData(CouncilApiFamily.Tenures, "tenancy-card", "We can't show your tenancy details right now.")]
    public void When_one_council_system_is_down_its_section_says_so_and_the_rest_still_shows(CouncilApiFamily down, string card, string message)
    {
        using var app = App(down);
        app.SignInResident(Households.DampRepair);

        var cut = RenderHome();

        cut.Find($"[data-testid={card}] [data-testid=unavailable]").TextContent.ShouldContain(message);
        cut.Find($"[data-testid={card}] [data-testid=unavailable]").TextContent.ShouldContain("020 7946 0123");
        cut.FindAll("[data-testid=unavailable]").Count.ShouldBe(down == CouncilApiFamily.Repairs ? 2 : 1); // repairs also feed the appointment card
        cut.Find("h1").TextContent.ShouldContain(Households.DampRepair.Surname);
    }

    [Fact]
    public void When_the_person_system_is_down_the_page_still_shows_without_the_name()
    {
        using var app = App(CouncilApiFamily.Persons);
        app.SignInResident(Households.Arrears);

        var cut = RenderHome();

        cut.Find("h1").TextContent.Trim().ShouldBe("Your home");
        cut.Find("[data-testid=balance]").TextContent.ShouldStartWith("You owe");
    }

    [Fact]
    public void Signed_in_resident_without_a_tenancy_link_is_told_their_account_is_not_linked_and_who_to_call()
    {
        using var app = App();
        app.SignInResident(household: null);

        var cut = RenderHome();

        cut.Find("h1").TextContent.ShouldBe("Your account is not linked to a tenancy yet");
        cut.Find("[data-testid=not-linked]").TextContent.ShouldContain("020 7946 0123");
        cut.FindAll("[data-testid=balance]").ShouldBeEmpty();
    }

    [Fact]
    public void Officer_sees_the_officer_landing()
    {
        using var app = App();
        app.SignInOfficer();

        RenderHome().Find("h1").TextContent.ShouldBe("Officer home");
    }

    [Fact]
    public void Anonymous_visitor_sees_a_welcome_with_a_sign_in_button()
    {
        using var app = App();

        var cut = RenderHome();

        cut.Find("h1").TextContent.ShouldBe("Manage your council home online");
        cut.Find("[data-testid=sign-in]").GetAttribute("href").ShouldBe("Account/Login");
    }
}
