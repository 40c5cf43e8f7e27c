using System.Net;
using System.Net.Http.Headers;
using HousingSelfService.CouncilApi.Client;
using HousingSelfService.CouncilApi.Client.Repairs;
using Shouldly;
using Xunit;

namespace HousingSelfService.CouncilApi.Tests.Api;

/// <summary>Contract of <c>/api/v2/workOrders/{reference}/images</c>: multipart uploads checked by content, stored once per Idempotency-Key.</summary>
[Collection(SharedCouncilApi.Name)]
public sealed class WorkOrderImageTests(CouncilApiFixture api)
{
    // The API checks the type by the first bytes; these are a JPEG's and a PNG's signatures with some data after them.
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. "JFIF photo data"u8];
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. "PNG photo data"u8];

    [Fact]
    public async Task An_uploaded_photo_is_listed_and_served_with_its_type()
    {
        var workOrder = await NewWorkOrderAsync();
        var response = await Upload(workOrder, Jpeg, "leak.jpg", Guid.NewGuid().ToString());
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var json = await CouncilApiFixture.JsonAsync(response);
        json.ShouldHaveProperties("id", "fileName", "contentType", "size", "uploaded");
        var image = await CouncilApiFixture.ReadAsync<WorkOrderImage>(await Upload(workOrder, Png, "wall.png", Guid.NewGuid().ToString()));
        image.ContentType.ShouldBe("image/png");

        var list = await CouncilApiFixture.ReadAsync<List<WorkOrderImage>>(await api.GetAsync($"api/v2/workOrders/{workOrder}/images"));
        list.Select(i => (i.FileName, i.ContentType, i.Size)).ShouldBe([("leak.jpg", "image/jpeg", Jpeg.Length), ("wall.png", "image/png", Png.Length)]);

        var bytes = await api.GetAsync($"api/v2/workOrders/{workOrder}/images/{image.Id}");
        bytes.StatusCode.ShouldBe(HttpStatusCode.OK);
        bytes.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await bytes.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldBe(Png);
        (await CouncilApiFixture.ReadAsync<List<WorkOrderNote>>(await api.GetAsync($"api/v2/workOrders/{workOrder}/notes")))
            .ShouldContain(n => n.Note == "Photo added: leak.jpg.");
    }

    [Fact]
    public async Task A_retried_upload_is_stored_once_and_a_reused_key_with_another_photo_is_refused()
    {
        var workOrder = await NewWorkOrderAsync();
        var key = Guid.NewGuid().ToString();
        var first = await CouncilApiFixture.ReadAsync<WorkOrderImage>(await Upload(workOrder, Jpeg, "leak.jpg", key));
        var retry = await Upload(workOrder, Jpeg, "leak.jpg", key);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await CouncilApiFixture.ReadAsync<WorkOrderImage>(retry)).Id.ShouldBe(first.Id);
        (await CouncilApiFixture.ReadAsync<List<WorkOrderImage>>(await api.GetAsync($"api/v2/workOrders/{workOrder}/images"))).Count.ShouldBe(1);

        (await Upload(workOrder, Png, "leak.jpg", key)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Upload(workOrder, Jpeg, "leak.jpg", key: null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("notes.jpg", "This is a text file, not a photo")]
    [InlineData("setup.jpg", "MZ\u0090\0\u0003 program")]
    [InlineData("animation.png", "GIF89a not accepted")]
    public async Task Files_that_are_not_jpeg_or_png_by_content_are_refused_whatever_their_name(string name, string content)
    {
        var workOrder = await NewWorkOrderAsync();
        var response = await Upload(workOrder, System.Text.Encoding.Latin1.GetBytes(content), name, Guid.NewGuid().ToString());
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await CouncilApiFixture.JsonAsync(response)).ShouldBeCoreError(415);
        (await CouncilApiFixture.ReadAsync<List<WorkOrderImage>>(await api.GetAsync($"api/v2/workOrders/{workOrder}/images"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_photo_over_10_MB_is_refused()
    {
        var workOrder = await NewWorkOrderAsync();
        var big = new byte[11 * 1024 * 1024];
        Jpeg.CopyTo(big, 0);
        var response = await Upload(workOrder, big, "big.jpg", Guid.NewGuid().ToString());
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await CouncilApiFixture.ReadAsync<List<WorkOrderImage>>(await api.GetAsync($"api/v2/workOrders/{workOrder}/images"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_work_order_takes_at_most_three_photos()
    {
        var workOrder = await NewWorkOrderAsync();
        for (var i = 1; i <= 3; i++)
        {
            (await Upload(workOrder, Jpeg, $"photo{i}.jpg", Guid.NewGuid().ToString())).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var fourth = await Upload(workOrder, Jpeg, "photo4.jpg", Guid.NewGuid().ToString());
        fourth.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await CouncilApiFixture.ReadAsync<List<WorkOrderImage>>(await api.GetAsync($"api/v2/workOrders/{workOrder}/images"))).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Images_are_only_found_under_their_own_work_order_and_need_a_token()
    {
        var mine = await NewWorkOrderAsync();
        var other = await NewWorkOrderAsync();
        var image = await CouncilApiFixture.ReadAsync<WorkOrderImage>(await Upload(mine, Jpeg, "leak.jpg", Guid.NewGuid().ToString()));

        (await api.GetAsync($"api/v2/workOrders/{other}/images/{image.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"api/v2/workOrders/987654321/images")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Upload(987654321, Jpeg, "leak.jpg", Guid.NewGuid().ToString())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"api/v2/workOrders/{mine}/images/{image.Id}", token: null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await api.SendAsync(HttpMethod.Post, $"api/v2/workOrders/{mine}/images", Multipart(Jpeg, "x.jpg"), token: null)).StatusCode
            .ShouldBe(HttpStatusCode.Unauthorized);
    }

    private Task<HttpResponseMessage> Upload(int workOrder, byte[] content, string name, string? key) =>
        api.SendAsync(HttpMethod.Post, $"api/v2/workOrders/{workOrder}/images", Multipart(content, name),
            key is null ? null : new Dictionary<string, string> { [CouncilApiHeaders.IdempotencyKey] = key });

    private static MultipartFormDataContent Multipart(byte[] content, string name)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private async Task<int> NewWorkOrderAsync()
    {
        var request = new ScheduleRepairRequest
        {
            Reference = [new Reference(Guid.NewGuid().ToString())],
            DescriptionOfWork = "Tap drips",
            Priority = new Priority(4, "priority", 21),
            WorkElement = [new WorkElement([new RateScheduleItem("N373049", 1)], [])],
            Site = new Site([new SiteProperty(DemoData.Featured[1].PropertyReference)]),
            Customer = new Customer("Test Resident", new CustomerPerson([new Communication("07700 900111")])),
        };
        var response = await api.SendAsync(HttpMethod.Post, "api/v2/workOrders/schedule", request,
            new Dictionary<string, string> { [CouncilApiHeaders.IdempotencyKey] = Guid.NewGuid().ToString() });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await CouncilApiFixture.ReadAsync<ScheduleRepairResponse>(response)).Id;
    }
}
