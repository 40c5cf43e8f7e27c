using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HousingSelfService.CouncilApi.Data;
using HousingSelfService.CouncilApi.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.ContactDetails;
using Shouldly;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Api;

[Collection(SharedCouncilApi.Name)]
public sealed class ContactDetailTests(CouncilApiFixture api)
{
    [Fact]
    public async Task Contact_details_have_the_contract_shape()
    {
        var response = await api.GetAsync($"api/v2/contactDetails?targetId={DemoData.Featured[0].PersonId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var first = (await CouncilApiFixture.JsonAsync(response)).GetProperty("results")[0];
        first.ShouldHaveProperties("id", "targetId", "targetType", "contactInformation", "isActive", "createdBy", "lastModified");
        first.GetProperty("targetType").GetString().ShouldBe("person");
        first.GetProperty("contactInformation").ShouldHaveProperties("contactType", "subType", "value");
        first.GetProperty("contactInformation").GetProperty("contactType").GetString().ShouldBe("phone");
        first.GetProperty("createdBy").ShouldHaveProperties("createdAt", "fullName");
    }

    [Fact]
    public async Task Creating_replays_for_the_same_key_and_body_and_refuses_a_different_body()
    {
        var personId = DemoData.Households[30].PersonId;
        var key = Guid.NewGuid().ToString();
        var first = await Create(personId, ContactType.Email, "replay.me@example.com", key);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await CouncilApiFixture.ReadAsync<ContactDetail>(first);
        created.CreatedBy!.FullName.ShouldBe(CouncilApiFixture.ActorName);
        created.CreatedBy.EmailAddress.ShouldBe(CouncilApiFixture.ActorEmail);

        var replay = await Create(personId, ContactType.Email, "replay.me@example.com", key);
        replay.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CouncilApiFixture.ReadAsync<ContactDetail>(replay)).Id.ShouldBe(created.Id);

        var different = await Create(personId, ContactType.Email, "someone.else@example.com", key);
        different.StatusCode.ShouldBe((HttpStatusCode)422);
        (await CouncilApiFixture.JsonAsync(different)).ShouldBeCoreError(422);

        var all = await CouncilApiFixture.ReadAsync<ContactDetailsResponse>(await api.GetAsync($"api/v2/contactDetails?targetId={personId}"));
        all.Results.Count(c => c.ContactInformation.Value == "replay.me@example.com").ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_create_one_record()
    {
        var personId = DemoData.Households[31].PersonId;
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Create(personId, ContactType.Email, "concurrent@example.com", key)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        var ids = new HashSet<Guid>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            ids.Add((await CouncilApiFixture.ReadAsync<ContactDetail>(response)).Id);
        }

        ids.Count.ShouldBe(1);
        var all = await CouncilApiFixture.ReadAsync<ContactDetailsResponse>(await api.GetAsync($"api/v2/contactDetails?targetId={personId}"));
        all.Results.Count(c => c.ContactInformation.Value == "concurrent@example.com").ShouldBe(1);
    }

    [Fact]
    public async Task A_key_whose_first_request_is_still_in_flight_is_409()
    {
        var key = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(Request(DemoData.Households[36].PersonId, ContactType.Email, "in.flight@example.com"), CouncilApiJson.Options);
        var canonical = new JsonBody(JsonNode.Parse(body)!.AsObject()).Canonical();
        var databases = api.Running.App.Services.GetRequiredService<IDbContextFactory<CouncilDbContext>>();
        await using (var database = await databases.CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            database.IdempotencyKeys.Add(new IdempotencyRecord
            {
                Scope = "contactDetails",
                Key = key,
                RequestHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))),
                State = IdempotencyState.InFlight,
                CreatedAt = DateTime.UtcNow,
            });
            await database.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var response = await api.SendAsync(HttpMethod.Post, "api/v2/contactDetails", body,
            new Dictionary<string, string> { [CouncilApiHeaders.IdempotencyKey] = key });
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await CouncilApiFixture.JsonAsync(response)).ShouldBeCoreError(409);
    }

    [Fact]
    public async Task A_create_without_an_idempotency_key_is_400()
    {
        var response = await api.SendAsync(HttpMethod.Post, "api/v2/contactDetails", Request(DemoData.Households[32].PersonId, ContactType.Phone, "07700 900123"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CouncilApiFixture.JsonAsync(response)).GetProperty("message").GetString()!.ShouldContain("Idempotency-Key");
    }

    [Fact]
    public async Task A_sixth_phone_number_is_refused()
    {
        var personId = DemoData.Households[33].PersonId;
        var existing = await CouncilApiFixture.ReadAsync<ContactDetailsResponse>(await api.GetAsync($"api/v2/contactDetails?targetId={personId}"));
        var phones = existing.Results.Count(c => c.ContactInformation.ContactType == ContactType.Phone);
        for (var i = phones; i < 5; i++)
        {
            (await Create(personId, ContactType.Phone, $"+44 20 7946 0{i:000}", Guid.NewGuid().ToString())).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var sixth = await Create(personId, ContactType.Phone, "+1 202 555 0143", Guid.NewGuid().ToString());
        sixth.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var json = await CouncilApiFixture.JsonAsync(sixth);
        json.ShouldHaveProperties("status", "message", "errors");
        json.GetProperty("errors").ShouldHaveProperties("contactInformation.contactType");
    }

    [Theory]
    [InlineData(ContactType.Email, "not-an-email", "W40")]
    [InlineData(ContactType.Phone, "call me maybe", "W41")]
    [InlineData(ContactType.Email, "<script>alert(1)</script>@example.com", "W42")]
    [InlineData(ContactType.Phone, "javascript:alert(1)", "W42")]
    public async Task Invalid_values_are_refused_with_their_codes(ContactType type, string value, string code)
    {
        var response = await Create(DemoData.Households[34].PersonId, type, value, Guid.NewGuid().ToString());
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await CouncilApiFixture.JsonAsync(response)).GetProperty("errors").GetProperty("contactInformation.value");
        errors[0].GetString().ShouldStartWith(code);
    }

    [Fact]
    public async Task A_contact_detail_can_be_updated_and_deleted()
    {
        var personId = DemoData.Households[35].PersonId;
        var created = await CouncilApiFixture.ReadAsync<ContactDetail>(await Create(personId, ContactType.Phone, "020 7946 0999", Guid.NewGuid().ToString()));

        var update = await api.SendAsync(HttpMethod.Patch, $"api/v2/contactDetails/{created.Id}/person/{personId}",
            """{"contactInformation":{"contactType":"phone","value":"020 7946 0888"}}""", IfMatch(created.VersionNumber));
        update.StatusCode.ShouldBe(HttpStatusCode.OK);
        var updated = await CouncilApiFixture.ReadAsync<ContactDetail>(update);
        updated.ContactInformation.Value.ShouldBe("020 7946 0888");
        updated.ContactInformation.SubType.ShouldBe(ContactSubType.Mobile);
        updated.VersionNumber.ShouldBe(created.VersionNumber + 1);
        update.Headers.ETag!.Tag.ShouldBe($"\"{updated.VersionNumber}\"");

        (await api.SendAsync(HttpMethod.Delete, $"api/v1/contactDetails?targetId={personId}&id={created.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var all = await CouncilApiFixture.ReadAsync<ContactDetailsResponse>(await api.GetAsync($"api/v2/contactDetails?targetId={personId}"));
        all.Results.ShouldNotContain(c => c.Id == created.Id);
    }

    [Fact]
    public async Task A_change_from_a_stale_version_is_409_and_changes_nothing()
    {
        var personId = DemoData.Households[36].PersonId;
        var created = await CouncilApiFixture.ReadAsync<ContactDetail>(await Create(personId, ContactType.Phone, "020 7946 0777", Guid.NewGuid().ToString()));
        var officer = await api.SendAsync(HttpMethod.Patch, $"api/v2/contactDetails/{created.Id}/person/{personId}",
            """{"contactInformation":{"contactType":"phone","value":"020 7946 0666"}}""", IfMatch(created.VersionNumber));
        officer.StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await api.SendAsync(HttpMethod.Patch, $"api/v2/contactDetails/{created.Id}/person/{personId}",
            """{"contactInformation":{"contactType":"phone","value":"020 7946 0555"}}""", IfMatch(created.VersionNumber));
        var staleDelete = await api.SendAsync(HttpMethod.Delete, $"api/v1/contactDetails?targetId={personId}&id={created.Id}", headers: IfMatch(created.VersionNumber));
        var missing = await api.SendAsync(HttpMethod.Patch, $"api/v2/contactDetails/{created.Id}/person/{personId}",
            """{"contactInformation":{"contactType":"phone","value":"020 7946 0555"}}""");

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await CouncilApiFixture.JsonAsync(stale)).ShouldHaveProperties("message", "traceId", "correlationId", "statusCode");
        staleDelete.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var all = await CouncilApiFixture.ReadAsync<ContactDetailsResponse>(await api.GetAsync($"api/v2/contactDetails?targetId={personId}"));
        all.Results.Single(c => c.Id == created.Id).ContactInformation.Value.ShouldBe("020 7946 0666");
    }

    [Fact]
    public async Task Another_persons_contact_detail_cannot_be_changed_or_removed_through_a_different_person()
    {
        var owner = DemoData.Households[37].PersonId;
        var other = DemoData.Households[38].PersonId;
        var created = await CouncilApiFixture.ReadAsync<ContactDetail>(await Create(owner, ContactType.Email, "owner.only@example.com", Guid.NewGuid().ToString()));

        var patch = await api.SendAsync(HttpMethod.Patch, $"api/v2/contactDetails/{created.Id}/person/{other}",
            """{"contactInformation":{"contactType":"email","value":"hijack@example.com"}}""", IfMatch(created.VersionNumber));
        var delete = await api.SendAsync(HttpMethod.Delete, $"api/v1/contactDetails?targetId={other}&id={created.Id}");

        patch.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        delete.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var all = await CouncilApiFixture.ReadAsync<ContactDetailsResponse>(await api.GetAsync($"api/v2/contactDetails?targetId={owner}"));
        all.Results.Single(c => c.Id == created.Id).ContactInformation.Value.ShouldBe("owner.only@example.com");
    }

    private static Dictionary<string, string> IfMatch(int version) => new() { [CouncilApiHeaders.IfMatch] = $"\"{version}\"" };

    private Task<HttpResponseMessage> Create(Guid personId, ContactType type, string value, string key) =>
        api.SendAsync(HttpMethod.Post, "api/v2/contactDetails", Request(personId, type, value),
            new Dictionary<string, string> { [CouncilApiHeaders.IdempotencyKey] = key });

    private static CreateContactDetailRequest Request(Guid personId, ContactType type, string value) => new()
    {
        TargetId = personId,
        ContactInformation = new ContactInformation { ContactType = type, SubType = ContactSubType.Mobile, Value = value },
    };
}
