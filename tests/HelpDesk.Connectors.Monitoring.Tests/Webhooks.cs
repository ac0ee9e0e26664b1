using System.Text;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Monitoring.Tests;

/// <summary>Webhook calls with raw-byte bodies, as the hub passes them (the harness's PostWebhookAsync takes text).</summary>
internal static class Webhooks
{
    public static WebhookRequest Request(string path, byte[] body, IReadOnlyDictionary<string, string>? headers = null, string method = "POST", DateTimeOffset? receivedAt = null)
    {
        var headerValues = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            headerValues[name] = [value];
        }

        return new WebhookRequest(method, path, new Dictionary<string, IReadOnlyList<string>>(), headerValues, body, receivedAt ?? DateTimeOffset.UtcNow);
    }

    public static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = $"Bearer {token}" };

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
