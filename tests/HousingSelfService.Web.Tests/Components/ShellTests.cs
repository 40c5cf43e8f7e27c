using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using HousingSelfService.Web.Components.Layout;
using HousingSelfService.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HousingSelfService.Web.Tests.Components;

public sealed class ShellTests : MudComponentTest
{
    private const string Focusable = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])";

    private IRenderedComponent<MainLayout> RenderShell()
    {
        RenderFragment body = builder => builder.AddMarkupContent(0, "<h1 tabindex=\"-1\">Page heading</h1><p><a href=\"somewhere\">A link</a></p>");
        return Render<MainLayout>(p => p.Add(x => x.Body, body));
    }

    [Fact]
    public void Skip_link_is_the_first_focusable_element_and_targets_main()
    {
        AddAuthorization();

        var cut = RenderShell();

        var first = cut.FindAll(Focusable)[0];
        first.TextContent.ShouldBe("Skip to main content");
        first.GetAttribute("href").ShouldBe("#main-content");
        cut.Find("#main-content").TagName.ShouldBe("MAIN");
    }

    [Fact]
    public void Shell_has_header_nav_main_and_footer_landmarks_with_the_page_inside_main()
    {
        AddAuthorization();

        var cut = RenderShell();

        cut.FindAll("header").Count.ShouldBe(1);
        cut.Find("nav").GetAttribute("aria-label").ShouldBe("Main");
        cut.FindAll("main").Count.ShouldBe(1);
        cut.FindAll("footer").Count.ShouldBe(1);
        cut.Find("main h1").TextContent.ShouldBe("Page heading");
        cut.FindAll("h1").Count.ShouldBe(1);
        cut.Find(".site-header__council").TextContent.ShouldBe("Example Borough Council");
        cut.Find(".site-header__product").TextContent.ShouldBe("Housing self-service");
    }

    [Fact]
    public void Menu_button_controls_the_nav_and_says_whether_it_is_expanded()
    {
        AddAuthorization();

        var cut = RenderShell();

        var button = cut.Find("button[data-nav-toggle]");
        button.GetAttribute("type").ShouldBe("button");
        button.GetAttribute("aria-expanded").ShouldBe("false");
        button.GetAttribute("aria-controls").ShouldBe("site-nav");
        button.TextContent.Trim().ShouldBe("Menu");
        cut.Find("#site-nav").TagName.ShouldBe("NAV");
    }

    [Fact]
    public void Anonymous_nav_offers_home_and_sign_in()
    {
        AddAuthorization();

        var cut = RenderShell();

        NavItems(cut).ShouldBe(["Home", "Sign in"]);
    }

    [Fact]
    public void Signed_in_nav_offers_a_residents_pages_and_sign_out_as_a_posted_form()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("resident@example.test");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "user-1"));

        var cut = RenderShell();

        NavItems(cut).ShouldBe(["Home", "Repairs", "Rent", "Your tenancy", "Your account", "Sign out"]);
        var form = cut.Find("#site-nav form");
        form.GetAttribute("action").ShouldBe("Account/Logout");
        form.GetAttribute("method").ShouldBe("post");
    }

    [Fact]
    public void The_current_section_is_marked_on_one_link_only_and_follows_navigation()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("resident@example.test");
        auth.SetRoles(AppRoles.Resident);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("account/actions-for-you");

        var cut = RenderShell();

        NavItems(cut).ShouldBe(["Home", "Repairs", "Rent", "Your tenancy", "Council actions for you", "Your account", "Sign out"]);
        CurrentLinks(cut).ShouldBe(["Council actions for you"]); // not "Your account" as well: the most specific section only
        cut.Find("#site-nav a[aria-current=page]").ClassList.ShouldContain("active"); // marked by more than colour

        navigation.NavigateTo("repairs/10000007?from=home");
        cut.WaitForAssertion(() => CurrentLinks(cut).ShouldBe(["Repairs"]));

        navigation.NavigateTo("");
        cut.WaitForAssertion(() => CurrentLinks(cut).ShouldBe(["Home"]));
    }

    [Fact]
    public void Officer_nav_offers_find_a_resident_and_none_of_a_residents_pages()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("officer@example.test");
        auth.SetRoles(AppRoles.Officer);

        var cut = Render<NavMenu>(); // the menu alone: the layout's assist banner needs an officer's assist session

        NavItems(cut).ShouldBe(["Home", "Find a resident", "Your account", "Sign out"]);
    }

    [Fact]
    public void Footer_links_only_to_pages_that_exist()
    {
        AddAuthorization();

        var cut = RenderShell();

        cut.FindAll("footer a").Select(a => a.GetAttribute("href")).ShouldBe(["", "tel:+442079460123", "accessibility"]);
    }

    private static string[] CurrentLinks<T>(IRenderedComponent<T> cut) where T : IComponent =>
        cut.FindAll("#site-nav a[aria-current=page]").Select(a => a.TextContent.Trim()).ToArray();

    private static string[] NavItems<T>(IRenderedComponent<T> cut) where T : IComponent =>
        cut.FindAll("#site-nav li").Select(li => li.TextContent.Trim()).ToArray();
}
