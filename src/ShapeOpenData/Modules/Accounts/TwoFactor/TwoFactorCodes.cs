using System.Text.Encodings.Web;
using QRCoder;

namespace ShapeOpenData.Modules.Accounts;

/// <summary>Authenticator (TOTP) codes and the QR code that sets an app up.</summary>
public static class TwoFactorCodes
{
    /// <summary>Six digits, ignoring the spaces and dashes people type; null if it cannot be a code.</summary>
    public static string? Normalise(string? code)
    {
        var digits = code?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
        return digits is { Length: 6 } && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>The otpauth URI authenticator apps read (Key Uri Format).</summary>
    public static string AuthenticatorUri(string serviceName, string email, string key) =>
        $"otpauth://totp/{UrlEncoder.Default.Encode(serviceName)}:{UrlEncoder.Default.Encode(email)}" +
        $"?secret={key}&issuer={UrlEncoder.Default.Encode(serviceName)}&digits=6";

    /// <summary>An SVG QR code, shown as an image so the Content Security Policy needs no exception.</summary>
    public static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }

    /// <summary>The key in groups of four, easier to type into an app by hand.</summary>
    public static string Readable(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
}
