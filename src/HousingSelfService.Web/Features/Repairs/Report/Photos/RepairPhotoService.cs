using HousingSelfService.Web.Components.Common;
using HousingSelfService.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HousingSelfService.Web.Features.Repairs.Report.Photos;

/// <summary>A file the resident chose: its name and size as the browser reports them, and a way to read it (at most <c>maxBytes</c>).</summary>
public sealed record PhotoUpload(string Name, long Size, Func<long, CancellationToken, Stream> Open);

/// <summary>A saved photo as the pages show it: never the full picture, only the thumbnail.</summary>
public sealed record PhotoPreview(Guid Id, string FileName, byte[] Thumbnail);

/// <summary>
/// The photos on the signed-in resident's report in progress (found through their own draft, never from the URL).
/// A choice of files is all-or-nothing: if any file is refused, none is added and each problem is named.
/// </summary>
public sealed class RepairPhotoService(
    RepairReportService report,
    IDbContextFactory<HousingDbContext> databases,
    TimeProvider time,
    ILogger<RepairPhotoService> logger)
{
    public async Task<IReadOnlyList<PhotoPreview>> ListAsync(Guid draftId, CancellationToken cancellationToken = default)
    {
        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await database.Set<RepairPhoto>().AsNoTracking().Where(p => p.DraftId == draftId).OrderBy(p => p.Position)
            .Select(p => new PhotoPreview(p.Id, p.FileName, p.Thumbnail)).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks, cleans and saves the chosen files; returns the problems (none when every file was added).</summary>
    public async Task<IReadOnlyList<FormError>> AddAsync(IReadOnlyList<PhotoUpload> uploads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        if (await report.GetDraftAsync(cancellationToken).ConfigureAwait(false) is not { } draft || uploads.Count == 0)
        {
            return [];
        }

        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var existing = await database.Set<RepairPhoto>().Where(p => p.DraftId == draft.Id).Select(p => p.Position).ToListAsync(cancellationToken).ConfigureAwait(false);
        var room = PhotoRules.MaxPhotos - existing.Count;
        if (uploads.Count > room)
        {
            return [new FormError(PhotoRules.FieldId, PhotoRules.TooMany(room))];
        }

        var errors = new List<FormError>();
        var cleaned = new List<(string Name, CleanPhoto Photo)>();
        foreach (var upload in uploads)
        {
            var name = PhotoRules.CleanName(upload.Name);
            var (photo, error) = upload.Size > PhotoRules.MaxBytes
                ? (null, PhotoRules.TooBig(name)) // refused on the size the browser reports, before a byte is sent
                : await ReadAsync(upload, name, cancellationToken).ConfigureAwait(false);
            if (photo is null)
            {
                errors.Add(new FormError(PhotoRules.FieldId, error!));
            }
            else
            {
                cleaned.Add((name, photo));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var next = existing.Count == 0 ? 1 : existing.Max() + 1;
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (name, photo) in cleaned)
        {
            database.Set<RepairPhoto>().Add(new RepairPhoto
            {
                Id = Guid.NewGuid(), DraftId = draft.Id, Position = next++, FileName = name, Content = photo.Jpeg, Thumbnail = photo.Thumbnail, AddedAt = now,
            });
        }

        await database.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return [];
    }

    /// <summary>Removes a photo from the resident's own report in progress; another id does nothing.</summary>
    public async Task RemoveAsync(Guid photoId, CancellationToken cancellationToken = default)
    {
        if (await report.GetDraftAsync(cancellationToken).ConfigureAwait(false) is not { } draft)
        {
            return;
        }

        await using var database = await databases.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await database.Set<RepairPhoto>().Where(p => p.Id == photoId && p.DraftId == draft.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams the file to a temporary file (never the whole thing in the circuit's memory), then checks and cleans it
    /// off the circuit's thread. Reading stops at the size limit, whatever size the browser claimed.
    /// </summary>
    private async Task<(CleanPhoto?, string?)> ReadAsync(PhotoUpload upload, string name, CancellationToken cancellationToken)
    {
        try
        {
            await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await using (var source = upload.Open(PhotoRules.MaxBytes, cancellationToken))
            {
                await source.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            }

            buffer.Position = 0;
            return await Task.Run(() => PhotoProcessor.Process(buffer, name), cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            // The browser sent more than the limit (it under-reported the size) or the upload broke off.
            logger.LogInformation(exception, "A repair photo upload was stopped.");
            return (null, upload.Size > PhotoRules.MaxBytes || exception.Message.Contains("exceeds", StringComparison.OrdinalIgnoreCase)
                ? PhotoRules.TooBig(name) : PhotoRules.Unreadable(name));
        }
    }
}
