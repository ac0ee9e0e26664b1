using System.Text;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Sdk.Testing;

internal static class WebhookRequests
{
    public static WebhookRequest Post(string path, string body, IReadOnlyDictionary<string, string>? headers, DateTimeOffset receivedAt)
    {
        var headerValues = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            headerValues[name] = [value];
        }

        return new WebhookRequest("POST", path, new Dictionary<string, IReadOnlyList<string>>(), headerValues, Encoding.UTF8.GetBytes(body), receivedAt);
    }
}
