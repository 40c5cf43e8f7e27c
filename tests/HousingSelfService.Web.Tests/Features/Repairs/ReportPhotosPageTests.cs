using Bunit;
using HousingSelfService.IntegrationTests.Infrastructure;
using HousingSelfService.Web.Data;
using HousingSelfService.Web.Features.Repairs.Report;
using HousingSelfService.Web.Features.Repairs.Report.Pages;
using HousingSelfService.Web.Features.Repairs.Report.Photos;
using HousingSelfService.Web.Tests.Infrastructure;
using ImageMagick;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static HousingSelfService.Web.Tests.Features.Repairs.ReportJourney;

namespace HousingSelfService.Web.Tests.Features.Repairs;

/// <summary>The optional photo step: checks by content, previews with alt text, removing, and every refusal named next to the field.</summary>
public sealed class ReportPhotosPageTests(ReferenceApiFixture api) : MudComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private RepairReportService Report => Services.GetRequiredService<RepairReportService>();

    private async Task<IRenderedComponent<ReportPhotosPage>> PhotoStepAsync()
    {
        await ToDescribeAsync(Report);
        (await Report.SaveDescriptionAsync(Description, false, Token)).Next.ShouldBe(ReportPaths.Photos);
        var cut = Render<ReportPhotosPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=photo-input]"), Wait);
        return cut;
    }

    private AppTestServices SignedIn()
    {
        var app = new AppTestServices(this, api);
        app.SignInResident(Households.Arrears);
        return app;
    }

    private async Task<List<RepairPhoto>> StoredAsync()
    {
        await using var database = await Services.GetRequiredService<IDbContextFactory<HousingDbContext>>().CreateDbContextAsync(Token);
        return await database.Set<RepairPhoto>().OrderBy(p => p.Position).ToListAsync(Token);
    }

    private static void Upload(IRenderedComponent<ReportPhotosPage> cut, params (byte[] Content, string Name)[] files) =>
        cut.FindComponent<InputFile>().UploadFiles(files.Select(f => InputFileContent.CreateFromBinary(f.Content, f.Name, contentType: "image/jpeg")).ToArray());

    [Fact]
    public async Task Photos_are_optional_and_continue_goes_on_to_contact()
    {
        using var app = SignedIn();
        var cut = await PhotoStepAsync();

        cut.Find("h1").TextContent.ShouldBe("Add photos of the problem (optional)");
        cut.Find("label[for=photos]").TextContent.ShouldBe("Choose photos");
        cut.Find("#photos").GetAttribute("accept").ShouldNotBeNull().ShouldContain("image/heic");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith("/" + ReportPaths.Contact), Wait);
    }

    [Fact]
    public async Task Phone_photos_get_previews_with_alt_text_and_are_kept_as_jpegs_without_location_data()
    {
        using var app = SignedIn();
        var cut = await PhotoStepAsync();

        Upload(cut, (TestPhotos.JpegWithLocation(), "kitchen-leak.jpg"), (TestPhotos.Png(), "wall.png"));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=photo]").Count.ShouldBe(2), Wait);
        var images = cut.FindAll("[data-testid=photo] img");
        images.Select(i => i.GetAttribute("alt")).ShouldBe(["Photo 1 of 2: kitchen-leak.jpg", "Photo 2 of 2: wall.png"]);
        images.ShouldAllBe(i => i.GetAttribute("src")!.StartsWith("data:image/jpeg;base64,", StringComparison.Ordinal));
        cut.Find("[data-testid=photo-status]").TextContent.ShouldBe("2 photos added. You have 2 of 3.");
        cut.Find("label[for=photos]").TextContent.ShouldBe("Add another photo");
        cut.FindAll("[data-testid=error-summary]").ShouldBeEmpty();

        var stored = await StoredAsync();
        stored.Select(p => p.FileName).ShouldBe(["kitchen-leak.jpg", "wall.png"]);
        foreach (var photo in stored)
        {
            using var image = new MagickImage(photo.Content);
            image.Format.ShouldBe(MagickFormat.Jpeg);
            image.GetExifProfile().ShouldBeNull("EXIF (with the GPS position) must be stripped");
            image.GetXmpProfile().ShouldBeNull();
            Math.Max(image.Width, image.Height).ShouldBeLessThanOrEqualTo((uint)PhotoRules.MaxSide);
        }

        using (var large = new MagickImage(stored[0].Content))
        {
            (large.Width, large.Height).ShouldBe((2000u, 1333u)); // 3000 x 2000, scaled keeping its shape
        }

        stored[0].Content.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(TestPhotos.Make)).ShouldBe(-1);
    }

    [Fact]
    public async Task An_iphone_heic_photo_is_kept_as_a_jpeg_without_its_location()
    {
        using var app = SignedIn();
        var cut = await PhotoStepAsync();
        var heic = TestPhotos.HeicWithLocation();
        PhotoProcessor.Sniff(heic).ShouldBe(MagickFormat.Heic);
        heic.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(TestPhotos.HeicMake)).ShouldBeGreaterThan(0, "the sample carries EXIF to strip");

        Upload(cut, (heic, "IMG_0042.HEIC"));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=photo]").Count.ShouldBe(1), Wait);
        cut.Find("[data-testid=photo] img").GetAttribute("alt").ShouldBe("Photo 1 of 1: IMG_0042.HEIC");
        var stored = (await StoredAsync()).ShouldHaveSingleItem();
        using var image = new MagickImage(stored.Content);
        image.Format.ShouldBe(MagickFormat.Jpeg);
        (image.Width, image.Height).ShouldBe((161u, 161u));
        image.GetExifProfile().ShouldBeNull("EXIF (with the GPS position) must be stripped");
        stored.Content.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(TestPhotos.HeicMake)).ShouldBe(-1);
    }

    public static TheoryData<string, string> Refusals() => new()
    {
        { "notes.jpg", PhotoRules.WrongType("notes.jpg") },
        { "photo.jpg", PhotoRules.WrongType("photo.jpg") },
        { "broken.jpg", PhotoRules.Unreadable("broken.jpg") },
        { "huge.jpg", PhotoRules.TooBig("huge.jpg") },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Files_that_are_not_usable_photos_are_refused_by_content_with_a_specific_message(string name, string message)
    {
        using var app = SignedIn();
        var cut = await PhotoStepAsync();
        var content = name switch
        {
            "notes.jpg" => TestPhotos.Text(),
            "photo.jpg" => TestPhotos.Program(),
            "broken.jpg" => TestPhotos.BrokenJpeg(),
            _ => TestPhotos.OversizedJpeg(11 * 1024 * 1024),
        };

        Upload(cut, (content, name));

        cut.WaitForAssertion(() => cut.Find("[data-testid=error-summary]"), Wait);
        cut.Find("[data-testid=error-summary] a[href='#photos']").TextContent.ShouldBe(message);
        cut.Find("[data-testid=photo-error]").TextContent.ShouldContain(message);
        cut.Find("#photos").GetAttribute("aria-invalid").ShouldBe("true");
        cut.Find("#photos").GetAttribute("aria-describedby").ShouldBe("photos-hint photos-error-0");
        cut.FindAll("h1").Count.ShouldBe(1);
        cut.FindAll("[data-testid=photo]").ShouldBeEmpty();
        (await StoredAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task One_bad_file_in_a_choice_adds_none_of_them()
    {
        using var app = SignedIn();
        var cut = await PhotoStepAsync();

        Upload(cut, (TestPhotos.Png(), "wall.png"), (TestPhotos.Text(), "notes.jpg"));

        cut.WaitForAssertion(() => cut.Find("[data-testid=photo-error]").TextContent.ShouldContain(PhotoRules.WrongType("notes.jpg")), Wait);
        (await StoredAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task No_more_than_three_photos_and_removing_one_makes_room_again()
    {
        using var app = SignedIn();
        var cut = await PhotoStepAsync();

        Upload(cut, (TestPhotos.Png(), "1.png"), (TestPhotos.Png(), "2.png"), (TestPhotos.Png(), "3.png"), (TestPhotos.Png(), "4.png"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=photo-error]").TextContent.ShouldContain("Choose no more than 3 photos"), Wait);
        (await StoredAsync()).ShouldBeEmpty();

        Upload(cut, (TestPhotos.Png(), "1.png"), (TestPhotos.Png(), "2.png"));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=photo]").Count.ShouldBe(2), Wait);
        Upload(cut, (TestPhotos.Png(), "3.png"), (TestPhotos.Png(), "4.png"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=photo-error]").TextContent.ShouldContain("You can only add 1 more photo"), Wait);
        (await StoredAsync()).Count.ShouldBe(2);

        Upload(cut, (TestPhotos.Png(), "3.png"));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=photo]").Count.ShouldBe(3), Wait);
        cut.FindAll("[data-testid=photo-input]").ShouldBeEmpty(); // three is the most: no way to choose a fourth

        cut.FindAll("[data-testid=remove-photo]")[0].Click();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=photo]").Count.ShouldBe(2), Wait);
        cut.FindAll("[data-testid=photo] img").Select(i => i.GetAttribute("alt")).ShouldBe(["Photo 1 of 2: 2.png", "Photo 2 of 2: 3.png"]);
        cut.Find("[data-testid=photo-status]").TextContent.ShouldBe("1.png removed. You have 2 of 3.");
        cut.Find("[data-testid=photo-input]");
        (await StoredAsync()).Select(p => p.FileName).ShouldBe(["2.png", "3.png"]);
    }

    [Fact]
    public async Task Check_answers_lists_the_photos_with_a_change_link()
    {
        using var app = SignedIn();
        var photos = Services.GetRequiredService<RepairPhotoService>();
        await ToCheckAsync(Report);
        var png = TestPhotos.Png();
        (await photos.AddAsync([new PhotoUpload("wall.png", png.Length, (_, _) => new MemoryStream(png))], Token)).ShouldBeEmpty();

        var cut = Render<ReportCheckPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=answer-photos]").TextContent.ShouldBe("wall.png"), Wait);
        cut.FindAll("a").ShouldContain(a => a.GetAttribute("href") == ReportPaths.Photos + "?change=true");
    }
}
