using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HelpDesk.Sdk.Webhooks;

/// <summary>
/// Signing and verifying webhook bodies with a shared secret. Always pass the body's raw bytes as received:
/// re-serialised JSON, or text with a newline added, hashes differently. Comparison is constant-time.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The lowercase hex HMAC of <paramref name="message"/> under <paramref name="secret"/>.</summary>
    /// <param name="algorithm">The keyed hash.</param>
    /// <param name="secret">The shared secret, as UTF-8 text.</param>
    /// <param name="message">The exact bytes that are signed.</param>
    public static string Compute(SignatureAlgorithm algorithm, string secret, ReadOnlySpan<byte> message) =>
        Convert.ToHexStringLower(Hash(algorithm, Encoding.UTF8.GetBytes(secret), message));

    /// <summary>Checks a signature header such as GitHub's <c>sha256=…</c> (prefix <c>"sha256="</c>) or Grafana's bare hex.</summary>
    /// <param name="algorithm">The keyed hash the sender uses.</param>
    /// <param name="secret">The shared secret, as UTF-8 text.</param>
    /// <param name="body">The request body's raw bytes.</param>
    /// <param name="signature">The header's value, or null when the header is absent.</param>
    /// <param name="prefix">What precedes the hex digest in the header (<c>"sha256="</c> for GitHub), or empty.</param>
    public static SignatureCheck Verify(SignatureAlgorithm algorithm, string secret, ReadOnlySpan<byte> body, string? signature, string prefix = "") =>
        Check(algorithm, secret, body, signature, prefix, timestampPrefix: []);

    /// <summary>
    /// Checks a signature over <c>timestamp + separator + body</c> (Grafana with a timestamp header, Slack, Stripe-like
    /// schemes), and that the timestamp, in Unix seconds, is within <paramref name="tolerance"/> of <paramref name="now"/>.
    /// </summary>
    /// <param name="algorithm">The keyed hash the sender uses.</param>
    /// <param name="secret">The shared secret, as UTF-8 text.</param>
    /// <param name="body">The request body's raw bytes.</param>
    /// <param name="signature">The signature header's value, or null when absent.</param>
    /// <param name="timestamp">The timestamp header's value (Unix seconds), or null when absent.</param>
    /// <param name="now">The current time, from the host's <see cref="TimeProvider"/>.</param>
    /// <param name="tolerance">How far the timestamp may be from <paramref name="now"/>, either way.</param>
    /// <param name="separator">What joins timestamp and body in the signed message.</param>
    /// <param name="prefix">What precedes the hex digest in the signature header, or empty.</param>
    public static SignatureCheck VerifyTimestamped(
        SignatureAlgorithm algorithm,
        string secret,
        ReadOnlySpan<byte> body,
        string? signature,
        string? timestamp,
        DateTimeOffset now,
        TimeSpan tolerance,
        string separator = ":",
        string prefix = "")
    {
        if (string.IsNullOrEmpty(timestamp))
        {
            return SignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253_402_300_799)
        {
            return SignatureCheck.Malformed;
        }

        var check = Check(algorithm, secret, body, signature, prefix, Encoding.UTF8.GetBytes(timestamp + separator));
        if (check != SignatureCheck.Valid)
        {
            return check;
        }

        // Checked after the signature, so an unsigned request never learns whether its timestamp would pass.
        return (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= tolerance ? SignatureCheck.Valid : SignatureCheck.Expired;
    }

    private static SignatureCheck Check(SignatureAlgorithm algorithm, string secret, ReadOnlySpan<byte> body, string? signature, string prefix, byte[] timestampPrefix)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.Missing;
        }

        var digestLength = algorithm == SignatureAlgorithm.HmacSha256 ? HMACSHA256.HashSizeInBytes : HMACSHA1.HashSizeInBytes;
        var hex = signature.AsSpan().Trim();
        if (!hex.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || hex.Length - prefix.Length != digestLength * 2)
        {
            return SignatureCheck.Malformed;
        }

        var given = new byte[digestLength];
        if (Convert.FromHexString(hex[prefix.Length..], given, out _, out var written) != System.Buffers.OperationStatus.Done || written != digestLength)
        {
            return SignatureCheck.Malformed;
        }

        var message = new byte[timestampPrefix.Length + body.Length];
        timestampPrefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(timestampPrefix.Length));
        var expected = Hash(algorithm, Encoding.UTF8.GetBytes(secret), message);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    private static byte[] Hash(SignatureAlgorithm algorithm, byte[] key, ReadOnlySpan<byte> message) => algorithm switch
    {
        SignatureAlgorithm.HmacSha256 => HMACSHA256.HashData(key, message),
#pragma warning disable CA5350 // Verifying what a legacy sender signs with SHA-1 is the point; HelpDesk itself never signs with it.
        SignatureAlgorithm.HmacSha1 => HMACSHA1.HashData(key, message),
#pragma warning restore CA5350
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown signature algorithm."),
    };
}
