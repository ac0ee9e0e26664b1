using System.Globalization;
using System.Text;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Webhooks;

namespace HelpDesk.Samples.TeamChat;

/// <summary>
/// Slack's request signing: <c>X-Signature: v0=hex(HMAC-SHA256(secret, "v0:{timestamp}:{body}"))</c> with
/// <c>X-Timestamp</c> in Unix seconds, at most five minutes from the hub's clock so a captured request cannot be
/// replayed later.
/// </summary>
public static class ChatSignature
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Signature";

    /// <summary>The timestamp header.</summary>
    public const string TimestampHeader = "X-Timestamp";

    /// <summary>How far the timestamp may be from the time the hub received the request, either way.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private const string Version = "v0";

    /// <summary>Checks a request's signature and timestamp.</summary>
    /// <param name="secret">The shared signing secret.</param>
    /// <param name="request">The request as the hub received it.</param>
    public static SignatureCheck Verify(string secret, WebhookRequest request)
    {
        // WebhookSignature.VerifyTimestamped signs "{timestamp}:{body}" and has no room for Slack's "v0:" in front,
        // so the signed bytes are built here and only the timestamp's age is checked by hand, after the signature.
        var timestamp = request.Header(TimestampHeader);
        if (string.IsNullOrEmpty(timestamp))
        {
            return SignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return SignatureCheck.Malformed;
        }

        var check = WebhookSignature.Verify(SignatureAlgorithm.HmacSha256, secret, SignedBytes(timestamp, request.Body.Span), request.Header(SignatureHeader), Version + "=");
        if (check != SignatureCheck.Valid)
        {
            return check;
        }

        return (request.ReceivedAt - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= Tolerance ? SignatureCheck.Valid : SignatureCheck.Expired;
    }

    /// <summary>The headers a sender adds to <paramref name="body"/>, signed at <paramref name="at"/>: what a chat integration (or a test) does.</summary>
    /// <param name="secret">The shared signing secret.</param>
    /// <param name="body">The exact body sent.</param>
    /// <param name="at">When it is signed.</param>
    public static IReadOnlyDictionary<string, string> Sign(string secret, ReadOnlySpan<byte> body, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>
        {
            [SignatureHeader] = $"{Version}=" + WebhookSignature.Compute(SignatureAlgorithm.HmacSha256, secret, SignedBytes(timestamp, body)),
            [TimestampHeader] = timestamp,
        };
    }

    private static byte[] SignedBytes(string timestamp, ReadOnlySpan<byte> body) => [.. Encoding.UTF8.GetBytes($"{Version}:{timestamp}:"), .. body];
}
