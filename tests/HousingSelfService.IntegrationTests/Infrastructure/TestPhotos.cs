using ImageMagick;

namespace HousingSelfService.IntegrationTests.Infrastructure;

/// <summary>Photos made in code for the photo tests (no binaries in the repository): a phone-like JPEG with GPS EXIF, a PNG, and fakes.</summary>
public static class TestPhotos
{
    public const string Make = "TestPhone";

    /// <summary>A JPEG as a phone writes it: camera make, GPS position and an orientation in its EXIF.</summary>
    public static byte[] JpegWithLocation(int width = 3000, int height = 2000)
    {
        using var image = Gradient(width, height);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, Make);
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(51, 1), new Rational(32, 1), new Rational(1234, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "W");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(0, 1), new Rational(3, 1), new Rational(5678, 100)]);
        exif.SetValue(ExifTag.Orientation, (ushort)1);
        image.SetProfile(exif);
        image.Format = MagickFormat.Jpeg;
        return image.ToByteArray();
    }

    public static byte[] Png(int width = 640, int height = 480)
    {
        using var image = Gradient(width, height);
        image.Format = MagickFormat.Png;
        return image.ToByteArray();
    }

    /// <summary>Starts like a JPEG (so only its size can refuse it) and is <paramref name="bytes"/> long.</summary>
    public static byte[] OversizedJpeg(long bytes)
    {
        var content = new byte[bytes];
        JpegWithLocation(64, 48).CopyTo(content, 0);
        return content;
    }

    /// <summary>What a Windows program starts with, to be named "photo.jpg".</summary>
    public static byte[] Program() => [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. new byte[512]];

    /// <summary>
    /// The one photo not made in code (nothing on .NET writes HEIC): a 6 KB HEIC as an iPhone saves it, with EXIF
    /// naming the camera <see cref="HeicMake"/> and a GPS position in Hackney. Made with libheif's <c>heif-enc -q 40</c>
    /// (Debian's libheif-examples) from a small JPEG given that EXIF.
    /// </summary>
    public static byte[] HeicWithLocation() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Infrastructure", "phone-photo.heic"));

    public const string HeicMake = "HSS test phone";

    public static byte[] Text() => "This is a note, not a photo."u8.ToArray();

    /// <summary>A JPEG cut off after its first bytes: the right type by content, but it cannot be opened.</summary>
    public static byte[] BrokenJpeg() => JpegWithLocation(64, 48)[..40];

    private static MagickImage Gradient(int width, int height)
    {
        var image = new MagickImage($"gradient:#2a6f97-#f4a261", (uint)width, (uint)height);
        return image;
    }
}
