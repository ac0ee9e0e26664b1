using System.Text.Json;
using System.Text.Json.Nodes;

namespace HelpDesk.Connectors.Crm.HubSpot;

/// <summary>
/// HubSpot's error body: <c>{"status": "error", "message", "correlationId", "category"}</c>, a 429's
/// <c>policyName</c> (<c>SECONDLY</c>, <c>DAILY</c>, …), and <c>errors[]</c> naming a bad property on a 400.
/// Gateways in front of HubSpot answer 5xx with HTML, which reads as an empty error.
/// </summary>
internal sealed record HubSpotError(string? Message, string? CorrelationId, string? Category, string? PolicyName, IReadOnlyList<string> Details)
{
    public const string DailyPolicy = "DAILY";

    private static readonly HubSpotError None = new(null, null, null, null, []);

    public bool IsDailyLimit => string.Equals(PolicyName, DailyPolicy, StringComparison.OrdinalIgnoreCase);

    public static HubSpotError Parse(string text)
    {
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return None;
        }

        if (body is null)
        {
            return None;
        }

        var details = (body["errors"] as JsonArray ?? []).Select(e => Text(e?["message"])).OfType<string>().ToList();
        return new HubSpotError(Text(body["message"]), Text(body["correlationId"]), Text(body["category"]) ?? Text(body["errorType"]), Text(body["policyName"]), details);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
