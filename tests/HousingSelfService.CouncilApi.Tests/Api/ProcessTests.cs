using System.Net;
using System.Text.Json.Nodes;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.Processes;
using Shouldly;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Api;

[Collection(SharedCouncilApi.Name)]
public sealed class ProcessTests(CouncilApiFixture api)
{
    private static Guid TenureId => DemoData.Households[40].TenureId;

    [Fact]
    public async Task A_request_lands_as_a_submitted_process_with_a_reference_and_the_contract_shape()
    {
        var created = await CreateAsync(ProcessNames.Permission, """{"permissionType":"pets","details":"A small dog"}""");
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await CouncilApiFixture.ReadAsync<CreateProcessResponse>(created)).Id;

        var response = await api.GetAsync($"api/v1/process/{ProcessNames.Permission}/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag.ShouldNotBeNull();
        var json = await CouncilApiFixture.JsonAsync(response);
        json.ShouldHaveProperties("id", "processName", "targetId", "targetType", "reference", "formData", "documents", "relatedEntities",
            "currentState", "previousStates");
        json.GetProperty("currentState").ShouldHaveProperties("state", "permittedTriggers", "createdAt", "updatedAt");
        var process = await CouncilApiFixture.ReadAsync<ProcessResponse>(response);
        process.CurrentState.State.ShouldBe(ProcessStates.Submitted);
        process.CurrentState.PermittedTriggers.ShouldBe([ProcessTriggers.StartReview, ProcessTriggers.Withdraw], ignoreOrder: true);
        process.Reference.ShouldMatch("^TP-[0-9A-F]{8}$");
        process.FormData["details"]!.GetValue<string>().ShouldBe("A small dog");
        process.TargetId.ShouldBe(TenureId);
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_returns_the_first_process_and_a_different_body_is_422()
    {
        var key = Guid.NewGuid().ToString();
        var body = """{"what":"Loud music every night","where":"Flat above"}""";
        var first = await CouncilApiFixture.ReadAsync<CreateProcessResponse>(await CreateAsync(ProcessNames.AsbReport, body, key));
        var again = await CreateAsync(ProcessNames.AsbReport, body, key);
        var different = await CreateAsync(ProcessNames.AsbReport, """{"what":"Something else"}""", key);

        (await CouncilApiFixture.ReadAsync<CreateProcessResponse>(again)).Id.ShouldBe(first.Id);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        different.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var all = await CouncilApiFixture.ReadAsync<ProcessesResponse>(await api.GetAsync($"api/v1/process?targetId={TenureId}"));
        all.Results.Count(p => p.Id == first.Id).ShouldBe(1);
    }

    [Fact]
    public async Task Processes_are_listed_by_target_only()
    {
        var mine = await CouncilApiFixture.ReadAsync<CreateProcessResponse>(await CreateAsync(ProcessNames.Transfer, """{"reason":"overcrowded"}"""));

        var own = await CouncilApiFixture.ReadAsync<ProcessesResponse>(await api.GetAsync($"api/v1/process?targetId={TenureId}"));
        var other = await CouncilApiFixture.ReadAsync<ProcessesResponse>(await api.GetAsync($"api/v1/process?targetId={DemoData.Households[41].TenureId}"));

        own.Results.ShouldContain(p => p.Id == mine.Id);
        own.Results.ShouldAllBe(p => p.TargetId == TenureId);
        other.Results.ShouldNotContain(p => p.Id == mine.Id);
    }

    [Fact]
    public async Task A_trigger_moves_the_state_on_with_if_match_and_keeps_the_history()
    {
        var id = (await CouncilApiFixture.ReadAsync<CreateProcessResponse>(await CreateAsync(ProcessNames.EndTenancy, """{"endDate":"2030-01-07"}"""))).Id;
        var url = $"api/v1/process/{ProcessNames.EndTenancy}/{id}";
        var etag = (await api.GetAsync(url)).Headers.ETag!.Tag;

        var review = await api.SendAsync(HttpMethod.Patch, $"{url}/{ProcessTriggers.StartReview}", "{}", new Dictionary<string, string> { [CouncilApiHeaders.IfMatch] = etag });
        var stale = await api.SendAsync(HttpMethod.Patch, $"{url}/{ProcessTriggers.Approve}", "{}", new Dictionary<string, string> { [CouncilApiHeaders.IfMatch] = etag });
        var newEtag = review.Headers.ETag!.Tag;
        var notPermitted = await api.SendAsync(HttpMethod.Patch, $"{url}/{ProcessTriggers.StartReview}", "{}", new Dictionary<string, string> { [CouncilApiHeaders.IfMatch] = newEtag });
        var approve = await api.SendAsync(HttpMethod.Patch, $"{url}/{ProcessTriggers.Approve}", "{}", new Dictionary<string, string> { [CouncilApiHeaders.IfMatch] = newEtag });

        review.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        notPermitted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        approve.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var process = await CouncilApiFixture.ReadAsync<ProcessResponse>(await api.GetAsync(url));
        process.CurrentState.State.ShouldBe(ProcessStates.Approved);
        process.CurrentState.PermittedTriggers.ShouldBeEmpty();
        process.PreviousStates.Select(s => s.State).ShouldBe([ProcessStates.Submitted, ProcessStates.UnderReview]);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_reasons()
    {
        (await CreateAsync("nosuchprocess", """{"a":"b"}""")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CreateAsync(ProcessNames.Permission, """{"details":"<script>alert(1)</script>"}""")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CreateAsync(ProcessNames.Permission, "{}")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CreateAsync(ProcessNames.Permission, """{"a":"b"}""", target: Guid.NewGuid())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var noKey = await api.SendAsync(HttpMethod.Post, $"api/v1/process/{ProcessNames.Permission}", Body("""{"a":"b"}""", TenureId));
        noKey.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.GetAsync($"api/v1/process/{ProcessNames.Permission}/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var xss = await CouncilApiFixture.JsonAsync(await CreateAsync(ProcessNames.Permission, """{"details":"<img src=x onerror=alert(1)>"}"""));
        xss.GetProperty("errors").GetProperty("formData.details")[0].GetString()!.ShouldStartWith("W42");
    }

    private Task<HttpResponseMessage> CreateAsync(string processName, string formData, string? key = null, Guid? target = null) =>
        api.SendAsync(HttpMethod.Post, $"api/v1/process/{processName}", Body(formData, target ?? TenureId),
            new Dictionary<string, string> { [CouncilApiHeaders.IdempotencyKey] = key ?? Guid.NewGuid().ToString() });

    private static string Body(string formData, Guid target) => new JsonObject
    {
        ["targetId"] = target.ToString(),
        ["targetType"] = "tenure",
        ["formData"] = JsonNode.Parse(formData),
    }.ToJsonString();
}
