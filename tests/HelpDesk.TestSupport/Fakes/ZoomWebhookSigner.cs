using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HelpDesk.TestSupport.Fakes;

/// <summary>
/// Signs a webhook body as Zoom does (<c>shared/contracts/zoom.md</c> §3): <c>x-zm-signature: v0=</c> + lowercase hex
/// HMAC-SHA256(secret token, <c>v0:{timestamp}:{body}</c>), with the headers Zoom sends beside it.
/// </summary>
public static class ZoomWebhookSigner
{
    public const string SignatureHeader = "x-zm-signature";
    public const string TimestampHeader = "x-zm-request-timestamp";

    /// <summary>The headers of a Zoom delivery of <paramref name="body"/> signed at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static Dictionary<string, string> Sign(string secret, long timestamp, byte[] body) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Type"] = "application/json; charset=utf-8",
        ["User-Agent"] = "Zoom Marketplace/1.0a",
        ["x-zm-trackingid"] = "v=2.0&s=1795344000&tid=test-only-tracking-id",
        [TimestampHeader] = timestamp.ToString(CultureInfo.InvariantCulture),
        [SignatureHeader] = Signature(secret, timestamp, body),
    };

    /// <summary>The <c>x-zm-signature</c> value alone.</summary>
    public static string Signature(string secret, long timestamp, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp.ToString(CultureInfo.InvariantCulture)}:");
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), prefix.Concat(body).ToArray()));
    }

    /// <summary>The <c>encryptedToken</c> a URL validation must be answered with.</summary>
    public static string EncryptedToken(string secret, string plainToken) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(plainToken)));
}
