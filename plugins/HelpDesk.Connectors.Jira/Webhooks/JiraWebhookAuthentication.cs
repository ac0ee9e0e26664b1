using System.Security.Cryptography;
using System.Text;
using HelpDesk.Connectors.Jira.Hosting;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Webhooks;

namespace HelpDesk.Connectors.Jira.Webhooks;

/// <summary>Whether a webhook comes from the configured Jira: its signature, or its URL token, as configured; never either.</summary>
internal static class JiraWebhookAuthentication
{
    public const string SignatureHeader = "X-Hub-Signature";

    /// <summary>Null when the request is proven, else why not (without secrets).</summary>
    public static string? Refusal(WebhookRequest request, JiraOptions options)
    {
        if (options.WebhookSecret is not { } secret)
        {
            return "No WebhookSecret is configured for the jira plugin; every webhook is refused.";
        }

        if (options.WebhookProof == JiraWebhookProof.QueryToken)
        {
            var token = request.Query.TryGetValue("token", out var values) && values.Count == 1 ? values[0] : null;
            return token is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(secret))
                ? null
                : "The webhook URL's token is missing or wrong.";
        }

        return WebhookSignature.Verify(SignatureAlgorithm.HmacSha256, secret, request.Body.Span, request.Header(SignatureHeader), "sha256=") switch
        {
            SignatureCheck.Valid => null,
            SignatureCheck.Missing => $"{SignatureHeader} is missing: set the webhook's secret in Jira.",
            SignatureCheck.Malformed => $"{SignatureHeader} is not of the form sha256=<hex>.",
            _ => $"{SignatureHeader} does not match the body under the configured secret.",
        };
    }
}
