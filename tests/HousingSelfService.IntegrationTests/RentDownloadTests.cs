using System.Net;
using System.Text;
using HousingSelfService.CouncilApi;
using HousingSelfService.IntegrationTests.Infrastructure;
using HousingSelfService.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;
using Xunit;

namespace HousingSelfService.IntegrationTests;

/// <summary>Statement downloads through the whole app: the signed-in resident's own account only, checked dates, real files.</summary>
public sealed class RentDownloadTests(HousingAppFactory app) : IClassFixture<HousingAppFactory>
{
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_resident_downloads_their_own_statement_as_CSV_and_PDF_and_no_one_elses()
    {
        using var client = await app.SignedInClientAsync("credit@demo.housing.test", DemoSignIns.Password);
        var mine = DemoData.Featured[1];
        var other = DemoData.Featured[0];

        // Another household's ids in the address are not parameters of this endpoint: they change nothing.
        using var csv = await client.GetAsync(new Uri($"/rent/statement/download?format=csv&period=3-months&targetId={other.TenureId}&paymentReference={other.PaymentReference}", UriKind.Relative),
            TestContext.Current.CancellationToken);
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.Content.Headers.ContentDisposition!.FileNameStar.ShouldStartWith($"rent-statement-{mine.PaymentReference}-");
        var text = await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        text.ShouldContain("Direct Debit payment");
        text.ShouldNotContain(other.PaymentReference);

        using var pdf = await client.GetAsync(new Uri($"/rent/statement/download?format=pdf&period=custom&from=2026-01-01&to={Today}", UriKind.Relative),
            TestContext.Current.CancellationToken);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
    }

    [Theory]
    [InlineData("format=csv&period=custom&from=2026-02-01&to=2026-01-01", HttpStatusCode.BadRequest)]
    [InlineData("format=csv&period=custom&from=%3Cscript%3E&to=2026-01-01", HttpStatusCode.BadRequest)]
    [InlineData("format=exe", HttpStatusCode.NotFound)]
    public async Task Bad_requests_get_no_file(string query, HttpStatusCode expected)
    {
        using var client = await app.SignedInClientAsync("credit@demo.housing.test", DemoSignIns.Password);

        using var response = await client.GetAsync(new Uri($"/rent/statement/download?{query}", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(expected);
        response.Content.Headers.ContentDisposition.ShouldBeNull();
    }

    [Fact]
    public async Task Signed_out_visitors_and_officers_get_no_statement()
    {
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signedOut = await anonymous.GetAsync(new Uri("/rent/statement/download?format=csv", UriKind.Relative), TestContext.Current.CancellationToken);
        signedOut.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Unauthorized);
        signedOut.Content.Headers.ContentDisposition.ShouldBeNull();

        using var officer = await app.SignedInClientAsync("officer@demo.housing.test", DemoSignIns.Password);
        using var response = await officer.GetAsync(new Uri("/rent/statement/download?format=csv", UriKind.Relative), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
