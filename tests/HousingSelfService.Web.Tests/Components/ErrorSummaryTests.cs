using Bunit;
using HousingSelfService.Web.Components.Common;
using Shouldly;

namespace HousingSelfService.Web.Tests.Components;

public sealed class ErrorSummaryTests : BunitContext
{
    [Fact]
    public void Lists_each_error_as_a_link_to_its_field_in_an_alert()
    {
        var cut = Render<ErrorSummary>(p => p.Add(x => x.Errors, [new FormError("email", "Enter your email address"), new FormError("password", "Enter your password")]));

        var summary = cut.Find("[data-testid=error-summary]");
        summary.GetAttribute("role").ShouldBe("alert");
        summary.QuerySelector("h2")!.TextContent.ShouldBe("There is a problem");
        cut.FindAll("a").Select(a => (a.GetAttribute("href"), a.TextContent))
            .ShouldBe([("#email", "Enter your email address"), ("#password", "Enter your password")]);
    }

    [Fact]
    public void Renders_nothing_without_errors() =>
        Render<ErrorSummary>(p => p.Add(x => x.Errors, [])).Markup.Trim().ShouldBeEmpty();

    [Fact]
    public void Takes_focus_once_per_failed_submit()
    {
        IReadOnlyList<FormError> firstSubmit = [new FormError("email", "Enter your email address")];
        var cut = Render<ErrorSummary>(p => p.Add(x => x.Errors, firstSubmit));
        JSInterop.VerifyFocusAsyncInvoke().Arguments[0].ShouldBeOfType<Microsoft.AspNetCore.Components.ElementReference>();

        cut.Render(p => p.Add(x => x.Errors, firstSubmit));
        JSInterop.VerifyFocusAsyncInvoke(calledTimes: 1);

        cut.Render(p => p.Add(x => x.Errors, [new FormError("email", "Enter your email address")]));
        JSInterop.VerifyFocusAsyncInvoke(calledTimes: 2);
    }
}
