using HousingSelfService.CouncilApi.Client.Repairs;
using ImageMagick;

namespace HousingSelfService.Web.Features.Repairs.Report.Photos;

/// <summary>The photo step's limits and messages, in the words residents see.</summary>
public static class PhotoRules
{
    public const int MaxPhotos = WorkOrderImageTypes.MaxImages;
    public const long MaxBytes = WorkOrderImageTypes.MaxBytes;
    public const int MaxFileNameLength = 100;
    /// <summary>Longest side of the stored photo: plenty for a repairs officer, a fraction of a phone camera's size.</summary>
    public const int MaxSide = 2000;
    public const int ThumbnailSide = 240;
    public const string FieldId = "photos";

    public static string TooMany(int room) => room switch
    {
        <= 0 => $"You have added {MaxPhotos} photos, the most you can add. Remove one to add another",
        MaxPhotos => $"Choose no more than {MaxPhotos} photos",
        _ => $"You can only add {room} more photo{(room == 1 ? "" : "s")}",
    };

    public static string TooBig(string name) => $"{name} is bigger than 10 MB. Choose a smaller photo";

    public static string WrongType(string name) => $"{name} is not a photo we can use. Choose a JPG, PNG or HEIC photo";

    public static string Unreadable(string name) => $"We could not open {name}. Try taking the photo again";

    public static string Empty(string name) => $"{name} is empty. Choose another photo";

    /// <summary>The phone's file name, made safe to show and send: no folders, no control characters, no markup.</summary>
    public static string CleanName(string? name)
    {
        var clean = new string(Path.GetFileName(name ?? "").Where(c => !char.IsControl(c) && c is not '<' and not '>').ToArray()).Trim();
        if (clean.Length == 0)
        {
            return "photo";
        }

        return clean.Length <= MaxFileNameLength ? clean : clean[..MaxFileNameLength];
    }
}

/// <summary>A photo checked and cleaned: the JPEG to keep, its thumbnail; or why it was refused.</summary>
public sealed record CleanPhoto(byte[] Jpeg, byte[] Thumbnail);

/// <summary>
/// Checks a photo by its content, never its name: the first bytes must say JPEG, PNG or HEIC, and then the image
/// must decode as that format (the decoder is told the format, so nothing else is ever parsed). The result is a
/// new JPEG, turned the right way up, at most <see cref="PhotoRules.MaxSide"/> pixels, with every profile (EXIF,
/// GPS location, XMP, IPTC) stripped.
/// </summary>
public static class PhotoProcessor
{
    static PhotoProcessor()
    {
        // A small file can claim a huge picture; refuse anything beyond a 200-megapixel camera rather than fill memory.
        ResourceLimits.Width = 20_000;
        ResourceLimits.Height = 20_000;
        ResourceLimits.Area = 200_000_000;
    }

    /// <summary>The format the file's first bytes show, or null when it is not a JPEG, PNG or HEIC/HEIF photo.</summary>
    public static MagickFormat? Sniff(ReadOnlySpan<byte> head)
    {
        switch (WorkOrderImageTypes.ContentTypeOf(head))
        {
            case WorkOrderImageTypes.Jpeg:
                return MagickFormat.Jpeg;
            case WorkOrderImageTypes.Png:
                return MagickFormat.Png;
        }

        // ISO media file: size, "ftyp", then the brand. Phones write heic/heix (and mif1 for still HEIF).
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(head[8..12]);
            return brand is "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "mif1" or "msf1" ? MagickFormat.Heic : null;
        }

        return null;
    }

    /// <summary>Checks and cleans one photo. <paramref name="content"/> must be seekable; the error is a message for the resident.</summary>
    public static (CleanPhoto? Photo, string? Error) Process(Stream content, string name)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return (null, PhotoRules.Empty(name));
        }

        Span<byte> head = stackalloc byte[16];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        if (Sniff(head[..read]) is not { } format)
        {
            return (null, PhotoRules.WrongType(name));
        }

        try
        {
            using var image = new MagickImage(content, new MagickReadSettings { Format = format });
            image.AutoOrient(); // uses the EXIF orientation, so it must come before Strip
            image.Strip();
            if (image.HasAlpha)
            {
                image.BackgroundColor = MagickColors.White;
                image.Alpha(AlphaAction.Remove);
            }

            image.Resize(new MagickGeometry(PhotoRules.MaxSide, PhotoRules.MaxSide) { Greater = true });
            image.Format = MagickFormat.Jpeg;
            image.Quality = 85;
            var jpeg = image.ToByteArray();
            image.Thumbnail(new MagickGeometry(PhotoRules.ThumbnailSide, PhotoRules.ThumbnailSide) { Greater = true });
            image.Quality = 75;
            return (new CleanPhoto(jpeg, image.ToByteArray()), null);
        }
        catch (MagickException)
        {
            return (null, PhotoRules.Unreadable(name));
        }
    }
}
