using System.Net;
using Shouldly;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Api;

/// <summary>The payment-reference lookup residents' self-linking uses to check the details they give.</summary>
[Collection(SharedCouncilApi.Name)]
public sealed class TenureByPaymentReferenceTests(CouncilApiFixture api)
{
    [Fact]
    public async Task A_payment_reference_finds_its_tenure_with_household_members_and_asset()
    {
        var household = DemoData.Households[12];

        var response = await api.GetAsync($"api/v1/tenures/paymentReference/{household.PaymentReference}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag.ShouldNotBeNull();
        var json = await CouncilApiFixture.JsonAsync(response);
        json.GetProperty("id").GetGuid().ShouldBe(household.TenureId);
        json.GetProperty("paymentReference").GetString().ShouldBe(household.PaymentReference);
        json.GetProperty("tenuredAsset").GetProperty("propertyReference").GetString().ShouldBe(household.PropertyReference);
        json.GetProperty("householdMembers").EnumerateArray().ShouldContain(m => m.GetProperty("id").GetGuid() == household.PersonId);
    }

    [Fact]
    public async Task An_unknown_payment_reference_is_404()
    {
        var response = await api.GetAsync("api/v1/tenures/paymentReference/0000000000");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
