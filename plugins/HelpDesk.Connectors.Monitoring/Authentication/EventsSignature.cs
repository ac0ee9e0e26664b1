using System.Buffers;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Webhooks;

namespace HelpDesk.Connectors.Monitoring.Authentication;

/// <summary>
/// HelpDesk's <c>X-HelpDesk-Signature: sha256={64 lowercase hex}</c>, HMAC-SHA256 of the raw body. The contract is
/// stricter than <see cref="WebhookSignature.Verify"/> (which forgives the prefix's case and upper-case hex), so the
/// form is checked here first: one header, exact prefix, lowercase hex.
/// </summary>
internal static class EventsSignature
{
    public const string Header = "X-HelpDesk-Signature";
    private const string Prefix = "sha256=";
    private const int HexLength = 64;
    private static readonly SearchValues<char> LowercaseHex = SearchValues.Create("0123456789abcdef");

    public static SignatureCheck Verify(WebhookRequest request, string secret)
    {
        if (!request.Headers.TryGetValue(Header, out var values) || values.Count == 0 || values[0].Length == 0)
        {
            return SignatureCheck.Missing;
        }

        var value = values[0];
        if (values.Count > 1 || !value.StartsWith(Prefix, StringComparison.Ordinal) || value.Length != Prefix.Length + HexLength
            || value.AsSpan(Prefix.Length).ContainsAnyExcept(LowercaseHex))
        {
            return SignatureCheck.Malformed;
        }

        return WebhookSignature.Verify(SignatureAlgorithm.HmacSha256, secret, request.Body.Span, value, Prefix);
    }

    public static string Explain(SignatureCheck check) => check switch
    {
        SignatureCheck.Missing => $"{Header} is required",
        SignatureCheck.Malformed => $"{Header} must be one value of the form sha256=<64 lowercase hex digits>",
        _ => $"{Header} does not match the request body",
    };
}
