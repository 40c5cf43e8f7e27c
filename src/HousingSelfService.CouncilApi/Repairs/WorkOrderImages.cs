using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HousingSelfService.CouncilApi.Client.Repairs;
using HousingSelfService.CouncilApi.Data;
using HousingSelfService.CouncilApi.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HousingSelfService.CouncilApi.Repairs;

/// <summary>A photo attached to a work order, stored in the reference API's own database.</summary>
public sealed class WorkOrderImageRecord
{
    public int Id { get; set; }
    public int WorkOrderReference { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedBy { get; set; }
}

public sealed class WorkOrderImageConfiguration : IEntityTypeConfiguration<WorkOrderImageRecord>
{
    public void Configure(EntityTypeBuilder<WorkOrderImageRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("WorkOrderImages");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.FileName).HasMaxLength(WorkOrderImageEndpoints.MaxFileNameLength);
        builder.Property(i => i.ContentType).HasMaxLength(20);
        builder.Property(i => i.UploadedBy).HasMaxLength(300);
        builder.HasOne<WorkOrderRecord>().WithMany().HasForeignKey(i => i.WorkOrderReference).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.WorkOrderReference);
    }
}

/// <summary>
/// <c>POST/GET /api/v2/workOrders/{reference}/images</c>: photos of a repair. Uploads are multipart (field
/// <c>file</c>), JPEG or PNG by content, at most 10 MB and 3 a work order, and need an Idempotency-Key so a retried
/// upload is stored once. An image is only ever served under its own work order.
/// </summary>
public static class WorkOrderImageEndpoints
{
    public const int MaxFileNameLength = 100;
    private const string Path = "/api/v2/workOrders/{reference:int}/images";

    public static void MapWorkOrderImages(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Path, UploadAsync).DisableAntiforgery();
        routes.MapGet(Path, ListAsync);
        routes.MapGet(Path + "/{id:int}", GetAsync);
    }

    private static async Task<IResult> UploadAsync(int reference, HttpContext context, CouncilDbContext database, Idempotency idempotency,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (!await database.WorkOrders.AnyAsync(w => w.Reference == reference, cancellationToken))
        {
            return ApiErrors.NotFound(context, $"Work order {reference}");
        }

        if (!context.Request.HasFormContentType)
        {
            return ApiErrors.Validation("file", "Send the image as multipart/form-data in a field named 'file'.");
        }

        // Refuse an oversized body before reading it (the multipart framing adds a little to the file).
        if (context.Request.ContentLength > WorkOrderImageTypes.MaxBytes + 64 * 1024)
        {
            return TooLarge(context);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("file") is not { } file || file.Length == 0)
        {
            return ApiErrors.Validation("file", "An image file is required in the field 'file'.");
        }

        if (file.Length > WorkOrderImageTypes.MaxBytes)
        {
            return TooLarge(context);
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        if (WorkOrderImageTypes.ContentTypeOf(content) is not { } contentType)
        {
            return ApiErrors.Core(context, StatusCodes.Status415UnsupportedMediaType, "Only JPEG and PNG images are accepted (checked by content, not by name).");
        }

        var fileName = string.IsNullOrWhiteSpace(file.FileName) ? "photo" : file.FileName.Trim();
        if (fileName.Length > MaxFileNameLength || TextChecks.LooksLikeScript(fileName))
        {
            return ApiErrors.Validation("file", $"The file name must be at most {MaxFileNameLength} characters, without markup.");
        }

        // The request, for the Idempotency-Key's fingerprint: the same key with a different image is refused.
        var body = new JsonBody(new JsonObject
        {
            ["workOrder"] = reference,
            ["fileName"] = fileName,
            ["sha256"] = Convert.ToHexString(SHA256.HashData(content)),
        });
        return await idempotency.ExecuteAsync(context, "workOrders/images", body, async () =>
        {
            var images = database.Set<WorkOrderImageRecord>();
            if (await images.CountAsync(i => i.WorkOrderReference == reference, cancellationToken) >= WorkOrderImageTypes.MaxImages)
            {
                return (null, ApiErrors.Core(context, StatusCodes.Status409Conflict,
                    $"Work order {reference} already has {WorkOrderImageTypes.MaxImages} images, the most it can have."));
            }

            var now = timeProvider.GetUtcNow().UtcDateTime;
            var actor = Actor.Of(context.User).Display;
            var image = new WorkOrderImageRecord
            {
                WorkOrderReference = reference, FileName = fileName, ContentType = contentType, Content = content, UploadedAt = now, UploadedBy = actor,
            };
            images.Add(image);
            database.WorkOrderNotes.Add(new WorkOrderNoteRecord { WorkOrderReference = reference, Note = $"Photo added: {fileName}.", Time = now, User = actor });
            await database.SaveChangesAsync(cancellationToken);
            return (StoredResponse.Of(StatusCodes.Status201Created, ToResponse(image)), null);
        });
    }

    private static async Task<IResult> ListAsync(int reference, HttpContext context, CouncilDbContext database, CancellationToken cancellationToken)
    {
        if (!await database.WorkOrders.AnyAsync(w => w.Reference == reference, cancellationToken))
        {
            return ApiErrors.NotFound(context, $"Work order {reference}");
        }

        var images = await database.Set<WorkOrderImageRecord>().AsNoTracking().Where(i => i.WorkOrderReference == reference).OrderBy(i => i.Id)
            .Select(i => new WorkOrderImage(i.Id, i.FileName, i.ContentType, i.Content.Length, i.UploadedAt)).ToListAsync(cancellationToken);
        return Results.Ok(images);
    }

    private static async Task<IResult> GetAsync(int reference, int id, HttpContext context, CouncilDbContext database, CancellationToken cancellationToken)
    {
        var image = await database.Set<WorkOrderImageRecord>().AsNoTracking()
            .SingleOrDefaultAsync(i => i.Id == id && i.WorkOrderReference == reference, cancellationToken);
        return image is null ? ApiErrors.NotFound(context, $"Image {id} of work order {reference}") : Results.File(image.Content, image.ContentType);
    }

    private static WorkOrderImage ToResponse(WorkOrderImageRecord image) =>
        new(image.Id, image.FileName, image.ContentType, image.Content.Length, image.UploadedAt);

    private static IResult TooLarge(HttpContext context) =>
        ApiErrors.Core(context, StatusCodes.Status413PayloadTooLarge, $"An image must be at most {WorkOrderImageTypes.MaxBytes / 1024 / 1024} MB.");
}
