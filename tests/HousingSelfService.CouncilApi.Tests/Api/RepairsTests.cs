using System.Net;
using System.Text.Json;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.Repairs;
using Shouldly;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Api;

[Collection(SharedCouncilApi.Name)]
public sealed class RepairsTests(CouncilApiFixture api)
{
    [Theory]
    [InlineData("Tenant", "kitchen/cupboards/doorHangingOff", "N373049", 4)]
    [InlineData("Tenant", "kitchen/sink/taps", "N631321", 3)]
    [InlineData("Tenant", "bathroom/dampOrMould", "N114001", 10)]
    [InlineData("Tenant", "bathroom/toilet/notFlushing", "N630573", 3)]
    [InlineData("Communal", "dampOrMould/dampOrMould", "N114001", 10)]
    public async Task Triage_leaves_carry_sor_codes_and_priorities(string repairType, string path, string sorCode, int priority)
    {
        var leaf = Find(await Triage(repairType), path);
        leaf.GetProperty("sorCode").GetString().ShouldBe(sorCode);
        leaf.GetProperty("priority").GetInt32().ShouldBe(priority);
    }

    [Theory]
    [InlineData("Tenant", "kitchen/windows/smashed")]
    [InlineData("Tenant", "kitchen/gas")]
    [InlineData("Tenant", "bathroom/waterLeak")]
    [InlineData("Tenant", "livingAreas/electrical/sparkingOrExposedWires")]
    [InlineData("Communal", "lifts/someoneTrapped")]
    public async Task Dangerous_problems_exit_as_emergencies(string repairType, string path)
    {
        var leaf = Find(await Triage(repairType), path);
        leaf.GetProperty("exit").GetString().ShouldBe("Emergency");
    }

    [Fact]
    public async Task Property_says_whether_repairs_can_be_raised_online()
    {
        var eligible = await CouncilApiFixture.JsonAsync(await api.GetAsync($"api/v2/properties/{DemoData.Featured[0].PropertyReference}"));
        eligible.ShouldHaveProperties("property", "alerts", "tenure");
        eligible.GetProperty("property").ShouldHaveProperties("propertyReference", "address", "postCode", "assetType", "canRaiseRepair");
        eligible.GetProperty("property").GetProperty("canRaiseRepair").GetBoolean().ShouldBeTrue();
        eligible.GetProperty("alerts").ShouldHaveProperties("locationAlert", "personAlert");

        var leasehold = await CouncilApiFixture.ReadAsync<PropertyResponse>(await api.GetAsync($"api/v2/properties/{DemoData.Featured[3].PropertyReference}"));
        leasehold.Property.CanRaiseRepair.ShouldBeFalse();

        var ineligible = 0;
        var withPersonAlerts = 0;
        foreach (var household in DemoData.Households.Where(h => !h.Situation.StartsWith("Leaseholder", StringComparison.Ordinal)))
        {
            var property = await CouncilApiFixture.ReadAsync<PropertyResponse>(await api.GetAsync($"api/v2/properties/{household.PropertyReference}"));
            withPersonAlerts += property.Alerts.PersonAlert.Count > 0 ? 1 : 0;
            if (!property.Property.CanRaiseRepair)
            {
                ineligible++;
                var asset = await CouncilApiFixture.JsonAsync(await api.GetAsync($"api/v1/assets/assetId/{household.PropertyReference}"));
                var isTmoManaged = asset.GetProperty("assetManagement").GetProperty("isTMOManaged").GetBoolean();
                (property.Alerts.LocationAlert.Count > 0 || isTmoManaged).ShouldBeTrue($"{household.PropertyReference} is ineligible without a reason");
            }
        }

        ineligible.ShouldBeGreaterThan(0, "some tenants' homes should be TMO-managed or carry location alerts");
        withPersonAlerts.ShouldBeGreaterThan(0, "some tenants should carry person alerts");
    }

    [Fact]
    public async Task Work_orders_are_a_bare_array_newest_first_with_a_page_limit()
    {
        var propertyReference = DemoData.Featured[4].PropertyReference;
        var response = await api.GetAsync($"api/v2/workOrders?propertyReference={propertyReference}&pageNumber=1&pageSize=50");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await CouncilApiFixture.JsonAsync(response);
        json.ValueKind.ShouldBe(JsonValueKind.Array);
        json.GetArrayLength().ShouldBeGreaterThan(0);
        json[0].ShouldHaveProperties("reference", "dateRaised", "lastUpdated", "priority", "priorityCode", "propertyReference", "description", "target", "status");
        var raised = json.EnumerateArray().Select(w => w.GetProperty("dateRaised").GetDateTime()).ToList();
        raised.ShouldBe(raised.OrderByDescending(d => d).ToList());

        (await api.GetAsync($"api/v2/workOrders?propertyReference={propertyReference}&pageSize=51")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Scheduling_validates_and_is_idempotent()
    {
        var propertyReference = DemoData.Featured[1].PropertyReference;
        var key = Guid.NewGuid().ToString();
        var request = ScheduleRequest(propertyReference, "N631321", 3, "Kitchen tap dripping constantly");
        var first = await Schedule(request, key);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await CouncilApiFixture.JsonAsync(first);
        json.ShouldHaveProperties("id", "statusCode", "statusCodeDescription");
        var id = json.GetProperty("id").GetInt32();

        var replay = await CouncilApiFixture.ReadAsync<ScheduleRepairResponse>(await Schedule(request, key));
        replay.Id.ShouldBe(id);
        (await Schedule(request with { DescriptionOfWork = "Something else" }, key)).StatusCode.ShouldBe((HttpStatusCode)422);
        (await Schedule(ScheduleRequest(propertyReference, "N631321", 3, "No key"), null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var workOrder = await CouncilApiFixture.ReadAsync<WorkOrder>(await api.GetAsync($"api/v2/workOrders/{id}"));
        workOrder.Status.ShouldBe("In Progress");
        workOrder.Priority.ShouldBe("3 [U] URGENT");
        var notes = await CouncilApiFixture.JsonAsync(await api.GetAsync($"api/v2/workOrders/{id}/notes"));
        notes[0].ShouldHaveProperties("note", "time", "user");
        notes[0].GetProperty("user").GetString()!.ShouldContain(CouncilApiFixture.ActorName);
    }

    [Theory]
    [InlineData("N631321", 2, "priority.priorityCode")]
    [InlineData("X000000", 4, "workElement[0].rateScheduleItem[0].customCode")]
    [InlineData("", 4, "descriptionOfWork")]
    public async Task Invalid_schedules_are_400_with_the_field(string sorCode, int priority, string field)
    {
        var description = field == "descriptionOfWork" ? "" : "A repair";
        var response = await Schedule(ScheduleRequest(DemoData.Featured[1].PropertyReference, sorCode, priority, description), Guid.NewGuid().ToString());
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CouncilApiFixture.JsonAsync(response)).GetProperty("errors").ShouldHaveProperties(field);
    }

    [Fact]
    public async Task Repairs_cannot_be_raised_for_a_leasehold_flat()
    {
        var response = await Schedule(ScheduleRequest(DemoData.Featured[3].PropertyReference, "N631321", 3, "Tap"), Guid.NewGuid().ToString());
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CouncilApiFixture.JsonAsync(response)).GetProperty("errors").ShouldHaveProperties("site.property[0].propertyReference");
    }

    [Fact]
    public async Task Cancelling_closes_the_work_order_once()
    {
        var id = await NewWorkOrderAsync();
        var cancel = new WorkOrderCompleteRequest(new WorkOrderReference(id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            [new JobStatusUpdate("cancel", "Fixed it myself")]);
        (await api.SendAsync(HttpMethod.Post, "api/v2/workOrderComplete", cancel)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await CouncilApiFixture.ReadAsync<WorkOrder>(await api.GetAsync($"api/v2/workOrders/{id}"))).Status.ShouldBe("Work Cancelled");

        var again = await api.SendAsync(HttpMethod.Post, "api/v2/workOrderComplete", cancel);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await CouncilApiFixture.JsonAsync(again)).ShouldBeCoreError(409);
    }

    [Fact]
    public async Task A_flats_property_names_its_block_whose_communal_repairs_are_listed_under_the_blocks_reference()
    {
        var flat = await CouncilApiFixture.ReadAsync<PropertyResponse>(await api.GetAsync($"api/v2/properties/{DemoData.Featured[0].PropertyReference}"));
        var block = flat.Property.BlockReference.ShouldNotBeNull();

        var blockProperty = await CouncilApiFixture.ReadAsync<PropertyResponse>(await api.GetAsync($"api/v2/properties/{block}"));
        blockProperty.Property.AssetType.ShouldContain("Block");
        blockProperty.Property.BlockReference.ShouldBeNull();
        var house = await CouncilApiFixture.ReadAsync<PropertyResponse>(await api.GetAsync($"api/v2/properties/{DemoData.Featured[1].PropertyReference}"));
        house.Property.BlockReference.ShouldBeNull();
    }

    [Fact]
    public async Task The_diary_can_be_read_before_a_work_order_exists_but_not_for_an_unknown_one()
    {
        var days = await CouncilApiFixture.ReadAsync<List<AppointmentDay>>(await api.GetAsync("api/v2/appointments"));
        days.ShouldNotBeEmpty();
        days[0].Slots.ShouldNotBeEmpty();

        (await api.GetAsync("api/v2/appointments?workOrderReference=987654321")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Appointments_can_be_booked_replaced_and_fill_up()
    {
        var id = await NewWorkOrderAsync();
        var available = await CouncilApiFixture.JsonAsync(await api.GetAsync($"api/v2/appointments?workOrderReference={id}"));
        available.ValueKind.ShouldBe(JsonValueKind.Array);
        available[0].ShouldHaveProperties("date", "slots");
        available[0].GetProperty("slots")[0].ShouldHaveProperties("reference", "description", "start", "end");
        var days = await CouncilApiFixture.ReadAsync<List<AppointmentDay>>(await api.GetAsync($"api/v2/appointments?workOrderReference={id}"));
        days.ShouldAllBe(d => d.Date.DayOfWeek != DayOfWeek.Saturday && d.Date.DayOfWeek != DayOfWeek.Sunday);

        var firstSlot = days[0].Slots[0];
        (await Book(id, firstSlot.Reference)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var booked = await CouncilApiFixture.ReadAsync<WorkOrder>(await api.GetAsync($"api/v2/workOrders/{id}"));
        booked.Appointment.ShouldNotBeNull();
        booked.Appointment.Date.ShouldBe(days[0].Date);
        booked.Appointment.Start.ShouldBe(firstSlot.Start);

        // Fill the last slot in the diary with other work orders until it refuses.
        var target = days[^1].Slots[^1];
        (await Book(id, target.Reference)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CouncilApiFixture.ReadAsync<WorkOrder>(await api.GetAsync($"api/v2/workOrders/{id}"))).Appointment!.Date.ShouldBe(days[^1].Date);
        HttpResponseMessage response;
        var attempts = 0;
        do
        {
            response = await Book(await NewWorkOrderAsync(), target.Reference);
            attempts++;
        }
        while (response.StatusCode == HttpStatusCode.OK && attempts < 10);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CouncilApiFixture.JsonAsync(response)).ShouldBeCoreError(400);
        var after = await CouncilApiFixture.ReadAsync<List<AppointmentDay>>(await api.GetAsync($"api/v2/appointments?workOrderReference={id}"));
        after.SelectMany(d => d.Slots).ShouldNotContain(s => s.Reference == target.Reference);

        // Moving this work order out of the full slot frees a place in it.
        (await Book(id, firstSlot.Reference)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var freed = await CouncilApiFixture.ReadAsync<List<AppointmentDay>>(await api.GetAsync($"api/v2/appointments?workOrderReference={id}"));
        freed.SelectMany(d => d.Slots).ShouldContain(s => s.Reference == target.Reference);
    }

    [Fact]
    public async Task Unknown_slots_are_404()
    {
        var id = await NewWorkOrderAsync();
        var response = await Book(id, "1/1999-01-01");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CouncilApiFixture.JsonAsync(response)).ShouldBeCoreError(404);
    }

    private async Task<int> NewWorkOrderAsync()
    {
        var response = await Schedule(ScheduleRequest(DemoData.Featured[1].PropertyReference, "N373049", 4, "Cupboard door hanging off"), Guid.NewGuid().ToString());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await CouncilApiFixture.ReadAsync<ScheduleRepairResponse>(response)).Id;
    }

    private Task<HttpResponseMessage> Book(int workOrder, string slot) =>
        api.SendAsync(HttpMethod.Post, "api/v2/appointments", new BookAppointmentRequest(
            new WorkOrderReference(workOrder.ToString(System.Globalization.CultureInfo.InvariantCulture)), new AppointmentReference(slot)));

    private Task<HttpResponseMessage> Schedule(ScheduleRepairRequest request, string? key) =>
        api.SendAsync(HttpMethod.Post, "api/v2/workOrders/schedule", request,
            key is null ? null : new Dictionary<string, string> { [CouncilApiHeaders.IdempotencyKey] = key });

    private static ScheduleRepairRequest ScheduleRequest(string propertyReference, string sorCode, int priority, string description) => new()
    {
        Reference = [new Reference(Guid.NewGuid().ToString())],
        DescriptionOfWork = description,
        Priority = new Priority(priority, "priority", 5),
        WorkElement = [new WorkElement([new RateScheduleItem(sorCode, 1)], [new Trade("PL", "Plumbing")])],
        Site = new Site([new SiteProperty(propertyReference)]),
        Customer = new Customer("Test Resident", new CustomerPerson([new Communication("07700 900111")])),
        LocationOfRepair = "Kitchen",
    };

    private async Task<JsonElement> Triage(string repairType) =>
        await CouncilApiFixture.JsonAsync(await api.GetAsync($"api/v1/repairsonline/triage?repairType={repairType}"));

    private static JsonElement Find(JsonElement options, string path)
    {
        var current = options;
        JsonElement found = default;
        foreach (var value in path.Split('/'))
        {
            found = current.EnumerateArray().Single(o => o.GetProperty("value").GetString() == value);
            current = found.TryGetProperty("options", out var children) ? children : default;
        }

        return found;
    }
}
