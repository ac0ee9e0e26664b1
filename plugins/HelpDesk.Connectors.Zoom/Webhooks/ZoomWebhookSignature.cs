using System.Globalization;
using System.Text;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Webhooks;

namespace HelpDesk.Connectors.Zoom.Webhooks;

/// <summary>
/// Zoom's proof: <c>x-zm-signature: v0=</c> + hex HMAC-SHA256 of <c>v0:{x-zm-request-timestamp}:{raw body}</c> under
/// the webhook Secret Token, and the timestamp near the hub's clock. The SDK's <c>VerifyTimestamped</c> signs
/// <c>{timestamp}:{body}</c> without Zoom's leading <c>v0:</c>, so the message is built here and checked with
/// <see cref="WebhookSignature.Verify"/> (constant time); the timestamp is checked after the signature, so an
/// unsigned request never learns whether its timestamp would pass.
/// </summary>
internal static class ZoomWebhookSignature
{
    public const string SignatureHeader = "x-zm-signature";
    public const string TimestampHeader = "x-zm-request-timestamp";

    /// <summary>Null when the request is proven, else why not (without secrets).</summary>
    public static string? Refusal(WebhookRequest request, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        var signature = request.Header(SignatureHeader);
        var timestamp = request.Header(TimestampHeader);
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp))
        {
            return $"{SignatureHeader} and {TimestampHeader} are required: set the Secret Token in the Zoom app's event subscription.";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253_402_300_799)
        {
            return $"{TimestampHeader} is not Unix seconds.";
        }

        var signed = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[signed.Length + request.Body.Length];
        signed.CopyTo(message, 0);
        request.Body.Span.CopyTo(message.AsSpan(signed.Length));
        var check = WebhookSignature.Verify(SignatureAlgorithm.HmacSha256, secret, message, signature, "v0=");
        if (check != SignatureCheck.Valid)
        {
            return check == SignatureCheck.Malformed
                ? $"{SignatureHeader} is not of the form v0=<64 hex digits>."
                : $"{SignatureHeader} does not match the body and timestamp under the configured WebhookSecret.";
        }

        return (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= tolerance
            ? null
            : $"{TimestampHeader} is more than {tolerance.TotalSeconds:0} seconds from the hub's clock: a replay, or a clock out of sync.";
    }
}
