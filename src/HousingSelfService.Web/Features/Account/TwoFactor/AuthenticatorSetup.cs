using System.Drawing;
using System.Globalization;
using System.Text;
using HousingSelfService.Web.Infrastructure;
using QRCoder;

namespace HousingSelfService.Web.Features.Account.TwoFactor;

/// <summary>What an authenticator app needs: the key to type in, and the same key as an <c>otpauth://</c> QR code.</summary>
public static class AuthenticatorSetup
{
    /// <summary>The issuer authenticator apps show beside the code.</summary>
    public const string Issuer = CouncilContact.ProductName;

    /// <summary>The standard key URI (Google Authenticator's format, which every app reads).</summary>
    public static string KeyUri(string accountName, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(accountName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");

    /// <summary>The key in groups of four, easier to read out and type.</summary>
    public static string FormatKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return formatted.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The QR code as inline SVG, drawn on the server: no script and no image service sees the key.</summary>
    public static string QrCodeSvg(string keyUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(keyUri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(new Size(200, 200), "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        // Screen readers get the key as text next to it; the drawing itself is decorative for them.
        return svg.Replace("<svg ", "<svg aria-hidden=\"true\" focusable=\"false\" class=\"qr-code\" ", StringComparison.Ordinal);
    }

    /// <summary>Codes are typed with spaces or dashes as apps show them; Identity wants the bare digits.</summary>
    public static string CleanCode(string? code) =>
        string.Concat((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-'));
}
