using System.Net;
using HousingSelfService.CouncilApi.Client.Documents;
using Shouldly;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Api;

[Collection(SharedCouncilApi.Name)]
public sealed class DocumentTests(CouncilApiFixture api)
{
    [Fact]
    public async Task A_tenures_letters_are_listed_newest_first_with_the_contract_shape()
    {
        var household = DemoData.Featured[0];
        var response = await api.GetAsync($"api/v1/documents?targetId={household.TenureId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var first = (await CouncilApiFixture.JsonAsync(response)).GetProperty("results")[0];
        first.ShouldHaveProperties("id", "targetId", "type", "title", "createdAt", "fileName", "contentType");
        var letters = (await CouncilApiFixture.ReadAsync<DocumentsResponse>(response)).Results;
        letters.Count(l => l.Type == DocumentTypes.RentStatement).ShouldBe(3);
        letters.ShouldContain(l => l.Type == DocumentTypes.TenancyLetter);
        letters.Select(l => l.CreatedAt).ShouldBeInOrder(SortDirection.Descending);
        letters.ShouldAllBe(l => l.TargetId == household.TenureId);
    }

    [Fact]
    public async Task A_statement_downloads_as_text_about_that_tenancy_only()
    {
        var household = DemoData.Featured[0];
        var letters = await CouncilApiFixture.ReadAsync<DocumentsResponse>(await api.GetAsync($"api/v1/documents?targetId={household.TenureId}"));
        var statement = letters.Results.First(l => l.Type == DocumentTypes.RentStatement);

        var response = await api.GetAsync($"api/v1/documents/{statement.Id}/content?targetId={household.TenureId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe(statement.FileName);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        text.ShouldContain(household.PaymentReference);
        text.ShouldContain(household.Postcode);
        text.ShouldContain(statement.Title);
        text.ShouldMatch(@"Balance on \d{1,2} \w+ \d{4}: £");
        foreach (var other in DemoData.Featured.Skip(1))
        {
            text.ShouldNotContain(other.PaymentReference);
        }
    }

    [Fact]
    public async Task Unknown_tenures_and_letters_are_404()
    {
        (await api.GetAsync($"api/v1/documents?targetId={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"api/v1/documents/welcome/content?targetId={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"api/v1/documents/no-such-letter/content?targetId={DemoData.Featured[0].TenureId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync("api/v1/documents")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
