using System.Net;
using HousingSelfService.CouncilApi;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.IntegrationTests.Infrastructure;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Repairs.Outbox;
using HousingSelfService.Web.Features.Repairs.Report;
using HousingSelfService.Web.Features.Repairs.Report.Photos;
using HousingSelfService.Web.Infrastructure;
using ImageMagick;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static HousingSelfService.IntegrationTests.RepairReportJourneyTests;

namespace HousingSelfService.IntegrationTests;

/// <summary>
/// Repair photos through the whole app and the reference council API over real HTTP: cleaned before they are
/// kept, sent after the work order exactly once (also through the outbox), and shown only to their household.
/// </summary>
public sealed class RepairPhotoTests(RepairsAppFactory app) : IClassFixture<RepairsAppFactory>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private IRepairsApi Api => app.Services.GetRequiredService<IRepairsApi>();

    private IDbContextFactory<HousingDbContext> Databases => app.Services.GetRequiredService<IDbContextFactory<HousingDbContext>>();

    private static PhotoUpload Upload(string name, byte[] content) => new(name, content.Length, (_, _) => new MemoryStream(content));

    private static async Task AddPhotosAsync(AsyncServiceScope scope, params PhotoUpload[] uploads) =>
        (await scope.ServiceProvider.GetRequiredService<RepairPhotoService>().AddAsync(uploads, Token)).ShouldBeEmpty();

    private async Task<List<RepairPhoto>> PhotosOfAsync(Guid draftId)
    {
        await using var database = await Databases.CreateDbContextAsync(Token);
        return await database.Set<RepairPhoto>().AsNoTracking().Where(p => p.DraftId == draftId).OrderBy(p => p.Position).ToListAsync(Token);
    }

    private async Task<IReadOnlyList<WorkOrderImage>> CouncilImagesAsync(int workOrder)
    {
        using var response = await Api.ListImagesAsync(workOrder, Token);
        return response.Content.ShouldNotBeNull();
    }

    private static void ShouldBeCleanJpeg(byte[] content)
    {
        WorkOrderImageTypes.ContentTypeOf(content).ShouldBe(WorkOrderImageTypes.Jpeg);
        using var image = new MagickImage(content);
        image.GetExifProfile().ShouldBeNull("no EXIF, so no GPS position");
        Math.Max(image.Width, image.Height).ShouldBeLessThanOrEqualTo((uint)PhotoRules.MaxSide);
        content.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(TestPhotos.Make)).ShouldBe(-1);
    }

    [Fact]
    public async Task Photos_go_to_the_work_order_without_location_data_and_only_their_household_can_see_them()
    {
        await using var scope = await app.ResidentScopeAsync(DemoData.Featured[0]);
        var (draft, _) = await ReadyToSendAsync(scope);
        await AddPhotosAsync(scope, Upload("kitchen-leak.jpg", TestPhotos.JpegWithLocation()), Upload("wall.png", TestPhotos.Png()));

        (await scope.ServiceProvider.GetRequiredService<RepairReportService>().SubmitAsync(Token)).Outcome.ShouldBe(SubmitOutcome.Sent);

        var workOrder = (await scope.ServiceProvider.GetRequiredService<RepairReportService>().GetSubmittedAsync(draft.Id, Token))!.WorkOrderReference!.Value;
        var images = await CouncilImagesAsync(workOrder);
        images.Select(i => (i.FileName, i.ContentType)).ShouldBe([("kitchen-leak.jpg", "image/jpeg"), ("wall.png", "image/jpeg")]);
        var kept = await PhotosOfAsync(draft.Id);
        kept.Select(p => p.CouncilImageId).ShouldBe(images.Select(i => (int?)i.Id));
        kept.ShouldAllBe(p => p.Content.Length == 0); // the council has them; no second copy here

        using var mine = await app.SignedInClientAsync("arrears@demo.housing.test", DemoSignIns.Password);
        using var photo = await mine.GetAsync(new Uri($"/repairs/{workOrder}/photos/{images[0].Id}", UriKind.Relative), Token);
        photo.StatusCode.ShouldBe(HttpStatusCode.OK);
        photo.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        ShouldBeCleanJpeg(await photo.Content.ReadAsByteArrayAsync(Token));
        var detail = await (await mine.GetAsync(new Uri($"/repairs/{workOrder}", UriKind.Relative), Token)).Content.ReadAsStringAsync(Token);
        detail.ShouldContain($"alt=\"Photo 1 of 2: kitchen-leak.jpg\"");
        detail.ShouldContain($"src=\"repairs/{workOrder}/photos/{images[0].Id}\"");

        // Another household, an image of another repair, and no sign-in: all simply not found.
        using var other = await app.SignedInClientAsync("introductory@demo.housing.test", DemoSignIns.Password);
        (await other.GetAsync(new Uri($"/repairs/{workOrder}/photos/{images[0].Id}", UriKind.Relative), Token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var ownOther = (await Api.ListWorkOrdersAsync(DemoData.Featured[0].PropertyReference, cancellationToken: Token)).First(w => w.Reference != workOrder);
        (await mine.GetAsync(new Uri($"/repairs/{ownOther.Reference}/photos/{images[0].Id}", UriKind.Relative), Token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await anonymous.GetAsync(new Uri($"/repairs/{workOrder}/photos/{images[0].Id}", UriKind.Relative), Token)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_50_MB_file_is_refused_on_its_size_without_being_read_and_a_fourth_photo_is_refused()
    {
        await using var scope = await app.ResidentScopeAsync(DemoData.Featured[0]);
        var (draft, _) = await ReadyToSendAsync(scope);
        var photos = scope.ServiceProvider.GetRequiredService<RepairPhotoService>();
        var read = false;

        var errors = await photos.AddAsync([new PhotoUpload("huge.jpg", 50L * 1024 * 1024, (_, _) => { read = true; return Stream.Null; })], Token);

        errors.ShouldHaveSingleItem().Message.ShouldBe(PhotoRules.TooBig("huge.jpg"));
        read.ShouldBeFalse();
        await AddPhotosAsync(scope, Upload("1.png", TestPhotos.Png()), Upload("2.png", TestPhotos.Png()), Upload("3.png", TestPhotos.Png()));
        (await photos.AddAsync([Upload("4.png", TestPhotos.Png())], Token)).ShouldHaveSingleItem().Message.ShouldBe(PhotoRules.TooMany(0));
        (await PhotosOfAsync(draft.Id)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Council_api_down_at_send_sends_the_photos_through_the_outbox_once_even_when_delivered_twice()
    {
        await using var scope = await app.ResidentScopeAsync(DemoData.Featured[0]);
        var (draft, _) = await ReadyToSendAsync(scope);
        await AddPhotosAsync(scope, Upload("leak.jpg", TestPhotos.JpegWithLocation(1200, 900)), Upload("wall.png", TestPhotos.Png()));
        var cleaned = (await PhotosOfAsync(draft.Id)).ToDictionary(p => p.Id, p => p.Content);
        var report = scope.ServiceProvider.GetRequiredService<RepairReportService>();

        await app.StopCouncilApiAsync();
        try
        {
            (await report.SubmitAsync(Token)).Outcome.ShouldBe(SubmitOutcome.Received);
        }
        finally
        {
            await app.StartCouncilApiAsync();
        }

        await WaitUntilAsync(async () => (await report.GetSubmittedAsync(draft.Id, Token))!.State == RepairDraftState.Sent);
        var workOrder = (await report.GetSubmittedAsync(draft.Id, Token))!.WorkOrderReference!.Value;
        (await CouncilImagesAsync(workOrder)).Select(i => i.FileName).ShouldBe(["leak.jpg", "wall.png"]);

        // A crash after the council stored the photos but before we wrote that down: sent again with the same keys, stored once.
        await using (var database = await Databases.CreateDbContextAsync(Token))
        {
            foreach (var (id, content) in cleaned)
            {
                await database.Set<RepairPhoto>().Where(p => p.Id == id)
                    .ExecuteUpdateAsync(row => row.SetProperty(p => p.CouncilImageId, (int?)null).SetProperty(p => p.Content, content), Token);
            }

            await database.Set<OutboxMessage>().Where(m => m.DraftId == draft.Id)
                .ExecuteUpdateAsync(row => row.SetProperty(m => m.DeliveredAt, (DateTime?)null).SetProperty(m => m.NextAttemptAt, (DateTime?)null), Token);
        }

        await WaitUntilAsync(async () => (await PhotosOfAsync(draft.Id)).All(p => p.CouncilImageId is not null));
        var images = await CouncilImagesAsync(workOrder);
        images.Count.ShouldBe(2);
        (await PhotosOfAsync(draft.Id)).Select(p => p.CouncilImageId).ShouldBe(images.Select(i => (int?)i.Id));
        foreach (var image in images)
        {
            using var bytes = await Api.GetImageAsync(workOrder, image.Id, Token);
            ShouldBeCleanJpeg(await bytes.Content.ReadAsByteArrayAsync(Token));
        }
    }
}
