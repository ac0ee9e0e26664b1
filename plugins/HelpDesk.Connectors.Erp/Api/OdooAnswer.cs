using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HelpDesk.Connectors.Erp.Api;

/// <summary>An HTTP answer from Odoo (or a proxy in front of it), read whole.</summary>
internal sealed record OdooAnswer(HttpStatusCode Status, string Body, TimeSpan? RetryAfter)
{
    /// <summary>The body as JSON, or null when it is not JSON (a proxy's HTML error page, say).</summary>
    public JsonNode? Json()
    {
        try
        {
            return Body.Length == 0 ? null : JsonNode.Parse(Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
