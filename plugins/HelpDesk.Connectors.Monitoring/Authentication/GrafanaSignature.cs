using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Webhooks;

namespace HelpDesk.Connectors.Monitoring.Authentication;

/// <summary>
/// Grafana's HMAC: bare lowercase hex of HMAC-SHA256 over the body, or over <c>{timestamp}:{body}</c> when the contact
/// point is set to send a timestamp header (Grafana has no default name; HelpDesk's convention is the one below).
/// </summary>
internal static class GrafanaSignature
{
    public const string SignatureHeader = "X-Grafana-Alerting-Signature";
    public const string TimestampHeader = "X-Grafana-Alerting-Timestamp";
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(300);

    public static SignatureCheck Verify(WebhookRequest request, string secret, DateTimeOffset now)
    {
        var signature = request.Header(SignatureHeader);
        return request.Header(TimestampHeader) is { } timestamp
            ? WebhookSignature.VerifyTimestamped(SignatureAlgorithm.HmacSha256, secret, request.Body.Span, signature, timestamp, now, Tolerance)
            : WebhookSignature.Verify(SignatureAlgorithm.HmacSha256, secret, request.Body.Span, signature);
    }

    public static string Explain(SignatureCheck check) => check switch
    {
        SignatureCheck.Missing => $"{SignatureHeader} is required: this source is configured with a signing secret.",
        SignatureCheck.Malformed => $"{SignatureHeader} (64 hex digits, no prefix) or {TimestampHeader} (Unix seconds) is not in the expected form.",
        SignatureCheck.Expired => $"{TimestampHeader} is more than {Tolerance.TotalSeconds:0} seconds from the hub's clock.",
        _ => $"{SignatureHeader} does not match the request body.",
    };
}
