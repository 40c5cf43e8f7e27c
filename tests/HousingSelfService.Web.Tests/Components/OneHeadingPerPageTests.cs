using Bunit;
using HousingSelfService.Web.Components.Common;
using HousingSelfService.Web.Components.Pages;
using HousingSelfService.Web.Features.Account.Pages;
using Microsoft.AspNetCore.Components;
using Shouldly;

namespace HousingSelfService.Web.Tests.Components;

/// <summary>Every page has exactly one h1, focusable by script (tabindex -1) so focus can move to it after navigation.</summary>
public sealed class OneHeadingPerPageTests : MudComponentTest
{
    public static TheoryData<Type> SimplePages => [typeof(NotFoundPage), typeof(NotFoundContent), typeof(ErrorPage), typeof(Lockout), typeof(AccessDenied), typeof(AccessDeniedContent), typeof(AccessibilityStatementPage), typeof(RegisterConfirmation), typeof(Deleted)];

    [Theory]
    [MemberData(nameof(SimplePages))]
    public void Page_has_exactly_one_h1_that_can_take_focus(Type page)
    {
        var cut = Render(builder =>
        {
            builder.OpenComponent(0, page);
            builder.CloseComponent();
        });

        var headings = cut.FindAll("h1");
        headings.Count.ShouldBe(1);
        headings[0].GetAttribute("tabindex").ShouldBe("-1");
    }
}
