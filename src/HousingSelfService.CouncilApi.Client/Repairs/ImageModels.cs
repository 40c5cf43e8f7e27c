namespace HousingSelfService.CouncilApi.Client.Repairs;

/// <summary>A photo attached to a work order (<c>GET /api/v2/workOrders/{reference}/images</c>).</summary>
public sealed record WorkOrderImage(int Id, string FileName, string ContentType, long Size, DateTime Uploaded);

/// <summary>The image types work orders take, and their limits, told apart by content (the first bytes), never by name.</summary>
public static class WorkOrderImageTypes
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const int MaxImages = 3;
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary><see cref="Jpeg"/> or <see cref="Png"/> when the bytes start like one, otherwise null.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? Jpeg
        : head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]) ? Png
        : null;
}
