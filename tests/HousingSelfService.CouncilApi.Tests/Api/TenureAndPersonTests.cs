using System.Net;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.Persons;
using HousingSelfService.CouncilApi.Client.Tenures;
using Shouldly;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Api;

[Collection(SharedCouncilApi.Name)]
public sealed class TenureAndPersonTests(CouncilApiFixture api)
{
    [Fact]
    public async Task Tenure_has_the_contract_shape_and_an_etag()
    {
        var household = DemoData.Featured[0];
        var response = await api.GetAsync($"api/v1/tenures/{household.TenureId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.ShouldMatch("^\"\\d+\"$");
        var json = await CouncilApiFixture.JsonAsync(response);
        json.ShouldHaveProperties("id", "paymentReference", "householdMembers", "tenuredAsset", "charges", "startOfTenureDate", "tenureType", "isActive", "notices", "legacyReferences");
        json.GetProperty("paymentReference").GetString().ShouldBe(household.PaymentReference);
        json.GetProperty("tenuredAsset").ShouldHaveProperties("id", "type", "fullAddress", "uprn", "propertyReference");
        json.GetProperty("tenuredAsset").GetProperty("propertyReference").GetString().ShouldBe(household.PropertyReference);
        json.GetProperty("charges").ShouldHaveProperties("rent", "serviceCharge", "otherCharges", "currentBalance", "billingFrequency");
        json.GetProperty("tenureType").GetProperty("code").GetString().ShouldBe("SEC");
        var lead = json.GetProperty("householdMembers")[0];
        lead.ShouldHaveProperties("id", "type", "fullName", "isResponsible", "dateOfBirth", "personTenureType");
        lead.GetProperty("type").GetString().ShouldBe("Person");
        lead.GetProperty("personTenureType").GetString().ShouldBe("Tenant");
    }

    [Fact]
    public async Task Person_has_the_contract_shape_with_tenures()
    {
        var household = DemoData.Featured[1];
        var response = await api.GetAsync($"api/v1/persons/{household.PersonId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag.ShouldNotBeNull();
        var json = await CouncilApiFixture.JsonAsync(response);
        json.ShouldHaveProperties("id", "firstName", "surname", "dateOfBirth", "personTypes", "tenures");
        json.GetProperty("dateOfBirth").GetString().ShouldBe(household.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.GetProperty("personTypes")[0].GetString().ShouldBe("Tenant");
        var tenure = json.GetProperty("tenures")[0];
        tenure.ShouldHaveProperties("id", "assetFullAddress", "assetId", "startDate", "type", "paymentReference", "propertyReference", "isActive");
        tenure.GetProperty("paymentReference").GetString().ShouldBe(household.PaymentReference);
    }

    [Fact]
    public async Task Patching_a_person_is_partial_and_moves_the_version_on()
    {
        var personId = DemoData.Households[20].PersonId;
        var url = $"api/v1/persons/{personId}";
        var etag = (await api.GetAsync(url)).Headers.ETag!.Tag;

        var first = await Patch(url, """{"preferredFirstName":"Sunny","preferredSurname":"Day"}""", etag);
        first.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var afterFirst = await api.GetAsync(url);
        afterFirst.Headers.ETag!.Tag.ShouldNotBe(etag);

        var second = await Patch(url, """{"preferredTitle":"Dr"}""", afterFirst.Headers.ETag.Tag);
        second.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var person = await CouncilApiFixture.ReadAsync<PersonResponse>(await api.GetAsync(url));
        person.PreferredTitle.ShouldBe("Dr");
        person.PreferredFirstName.ShouldBe("Sunny");
        person.PreferredSurname.ShouldBe("Day");
    }

    [Fact]
    public async Task Patching_with_a_stale_version_is_409_and_without_one_is_400()
    {
        var url = $"api/v1/persons/{DemoData.Households[21].PersonId}";
        var etag = (await api.GetAsync(url)).Headers.ETag!.Tag;
        (await Patch(url, """{"preferredFirstName":"One"}""", etag)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var stale = await Patch(url, """{"preferredFirstName":"Two"}""", etag);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await CouncilApiFixture.JsonAsync(stale)).ShouldBeCoreError(409);

        var missing = await Patch(url, """{"preferredFirstName":"Three"}""", null);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CouncilApiFixture.JsonAsync(missing)).GetProperty("message").GetString()!.ShouldContain("If-Match");
    }

    [Fact]
    public async Task Patching_a_field_that_cannot_change_is_a_validation_error()
    {
        var url = $"api/v1/persons/{DemoData.Households[22].PersonId}";
        var etag = (await api.GetAsync(url)).Headers.ETag!.Tag;
        var response = await Patch(url, """{"dateOfBirth":"2000-01-01","preferredFirstName":"<b>x</b>"}""", etag);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var json = await CouncilApiFixture.JsonAsync(response);
        json.GetProperty("errors").ShouldHaveProperties("dateOfBirth", "preferredFirstName");
    }

    [Fact]
    public async Task Adding_a_household_member_needs_the_current_tenure_version()
    {
        var household = DemoData.Households[23];
        var url = $"api/v1/tenures/{household.TenureId}";
        var etag = (await api.GetAsync(url)).Headers.ETag!.Tag;
        var newPerson = Guid.NewGuid();
        var body = """{"fullName":"Baby Newcomer","isResponsible":false,"dateOfBirth":"2026-01-05T00:00:00Z","type":"Person","personTenureType":"HouseholdMember"}""";

        (await Patch($"{url}/person/{newPerson}", body, null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Patch($"{url}/person/{newPerson}", body, etag)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Patch($"{url}/person/{newPerson}", body, etag)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var tenure = await CouncilApiFixture.ReadAsync<TenureResponse>(await api.GetAsync(url));
        tenure.HouseholdMembers.ShouldContain(m => m.Id == newPerson && m.FullName == "Baby Newcomer" && m.PersonTenureType == PersonTenureType.HouseholdMember);
    }

    [Fact]
    public async Task Asset_is_found_by_id_and_by_property_reference()
    {
        var household = DemoData.Featured[0];
        var byReference = await api.GetAsync($"api/v1/assets/assetId/{household.PropertyReference}");
        byReference.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await CouncilApiFixture.JsonAsync(byReference);
        json.ShouldHaveProperties("id", "assetId", "assetType", "assetAddress", "assetManagement", "assetCharacteristics", "tenure");
        json.GetProperty("assetId").GetString().ShouldBe(household.PropertyReference);
        json.GetProperty("assetType").GetString().ShouldBe("Flat");
        json.GetProperty("assetAddress").ShouldHaveProperties("uprn", "addressLine1", "postCode");
        json.GetProperty("assetAddress").GetProperty("postCode").GetString().ShouldBe(household.Postcode);
        json.GetProperty("assetManagement").GetProperty("isTMOManaged").GetBoolean().ShouldBeFalse();
        json.GetProperty("tenure").GetProperty("paymentReference").GetString().ShouldBe(household.PaymentReference);

        var byId = await api.GetAsync($"api/v1/assets/{json.GetProperty("id").GetString()}");
        byId.StatusCode.ShouldBe(HttpStatusCode.OK);
        byId.Headers.ETag.ShouldNotBeNull();
    }

    private Task<HttpResponseMessage> Patch(string url, string body, string? ifMatch) =>
        api.SendAsync(HttpMethod.Patch, url, body, ifMatch is null ? null : new Dictionary<string, string> { [CouncilApiHeaders.IfMatch] = ifMatch });
}
