using System.Text;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.TestSupport;

namespace HelpDesk.Connectors.Jira.Tests;

/// <summary>The contract's webhook fixtures with the headers of <c>fixtures/jira/signatures.md</c>.</summary>
internal static class JiraWebhooks
{
    public const string StatusDoneDelivery = "e3b7a9d2-6c41-4f8e-9a10-2b5c7d8e9f01";
    public const string CommentDelivery = "0c9d8e7f-1a2b-4c3d-8e5f-6a7b8c9d0e12";

    public static byte[] StatusDone => ContractFixtures.Bytes("jira", "webhook-issue-updated-status-done.json");

    public static byte[] CommentCreated => ContractFixtures.Bytes("jira", "webhook-comment-created.json");

    public static WebhookRequest StatusDoneRequest(int? retry = null) =>
        Request(StatusDone, StatusDoneDelivery, "sha256=a35110d1074f1443c0e0a9bb8b80a310d36617e305817c796cd95ced023eb9e6", retry);

    public static WebhookRequest CommentRequest() =>
        Request(CommentCreated, CommentDelivery, "sha256=930109fcba6f43fead25c112150994249cddd7d868a55683457c362f4535c1f7");

    public static WebhookRequest Request(byte[] body, string? delivery, string? signature, int? retry = null, string? token = null)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = ["application/json"] };
        if (delivery is not null)
        {
            headers["X-Atlassian-Webhook-Identifier"] = [delivery];
            headers["X-Atlassian-Webhook-Flow"] = ["Primary"];
        }

        if (signature is not null)
        {
            headers["X-Hub-Signature"] = [signature];
        }

        if (retry is { } count)
        {
            headers["X-Atlassian-Webhook-Retry"] = [count.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        }

        var query = token is null ? new Dictionary<string, IReadOnlyList<string>>() : new Dictionary<string, IReadOnlyList<string>> { ["token"] = [token] };
        return new WebhookRequest("POST", "/", query, headers, body, DateTimeOffset.UtcNow);
    }

    public static WebhookRequest Signed(string json, string secret = JiraHarness.WebhookSecret, string delivery = "d-1")
    {
        var body = Encoding.UTF8.GetBytes(json);
        return Request(body, delivery, "sha256=" + Sdk.Webhooks.WebhookSignature.Compute(Sdk.Webhooks.SignatureAlgorithm.HmacSha256, secret, body));
    }
}
