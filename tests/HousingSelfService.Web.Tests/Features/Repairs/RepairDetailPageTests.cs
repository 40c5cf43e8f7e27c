using Bunit;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.Web.Features.Repairs.Pages;
using HousingSelfService.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace HousingSelfService.Web.Tests.Features.Repairs;

public sealed class RepairDetailPageTests(ReferenceApiFixture api) : MudComponentTest
{
    private IRenderedComponent<RepairDetailPage> RenderRepair(int reference)
    {
        var cut = Render<RepairDetailPage>(p => p.Add(x => x.Reference, reference));
        cut.WaitForAssertion(() => cut.FindAll("[role=status]").ShouldBeEmpty(), TimeSpan.FromSeconds(30));
        cut.FindAll("h1").Count.ShouldBe(1);
        return cut;
    }

    private async Task<WorkOrder> DampRepairAsync()
    {
        var repairs = Services.GetRequiredService<IRepairsApi>();
        var workOrders = await repairs.ListWorkOrdersAsync(Households.DampRepair.PropertyReference, cancellationToken: Xunit.TestContext.Current.CancellationToken);
        return workOrders.First(w => WorkOrderStatus.IsOpen(w.Status) && w.PriorityCode == RepairPriority.DampAndMould);
    }

    [Fact]
    public async Task Resident_sees_their_own_repair_with_status_dates_and_appointment()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(Households.DampRepair);
        var repair = await DampRepairAsync();

        var cut = RenderRepair(repair.Reference);

        cut.Find("h1").TextContent.ShouldBe(repair.Description);
        cut.FindAll("[data-testid=repair]").Count.ShouldBe(1);
        cut.Find("[data-testid=repair-status]").TextContent.ShouldBe("In progress");
        cut.Find("[data-testid=repair-appointment]").TextContent.Trim().ShouldMatch(@"^\w+day \d{1,2} \w+ \d{4}, ");
        cut.FindAll("[data-testid=not-found]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_households_repair_looks_exactly_like_an_unknown_reference()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(Households.Arrears);
        var someoneElses = await DampRepairAsync();

        var other = RenderRepair(someoneElses.Reference);
        var otherMarkup = other.Find("main, [data-testid=not-found]").OuterHtml;

        other.FindAll("[data-testid=repair]").ShouldBeEmpty();
        other.Markup.ShouldNotContain(someoneElses.Description);
        other.Find("h1").TextContent.ShouldBe("Page not found");

        var unknown = RenderRepair(987_654_321);
        unknown.Find("[data-testid=not-found]").OuterHtml.ShouldBe(otherMarkup);
        unknown.Find("h1").TextContent.ShouldBe("Page not found");
    }

    [Fact]
    public async Task Moving_to_another_reference_on_the_same_page_looks_it_up_again()
    {
        using var app = new AppTestServices(this, api);
        app.SignInResident(Households.DampRepair);
        var repair = await DampRepairAsync();
        var cut = RenderRepair(repair.Reference);

        cut.Render(p => p.Add(x => x.Reference, 987_654_321));

        cut.WaitForAssertion(() => cut.Find("h1").TextContent.ShouldBe("Page not found"), TimeSpan.FromSeconds(30));
        cut.FindAll("[data-testid=repair]").ShouldBeEmpty();
    }
}
