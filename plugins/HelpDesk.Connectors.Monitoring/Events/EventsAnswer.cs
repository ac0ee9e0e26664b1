using System.Text.Json;
using System.Text.Json.Serialization;
using HelpDesk.Connectors.Monitoring.Json;
using HelpDesk.Connectors.Monitoring.Reporting;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Monitoring.Events;

/// <summary>
/// PagerDuty's response body (<c>{"status", "message", "dedup_key"}</c> or <c>{"status", "message", "errors"}</c>).
/// Sent as the body itself, so a PagerDuty client reads the answer it expects.
/// </summary>
internal sealed record EventsAnswer(
    string Status,
    string Message,
    [property: JsonPropertyName("dedup_key"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DedupKey = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Errors = null)
{
    public static WebhookResponse Processed(string dedupKey) =>
        Respond(202, new EventsAnswer("success", "Event processed", DedupKey: dedupKey));

    public static WebhookResponse Invalid(IReadOnlyList<string> errors) =>
        Respond(400, new EventsAnswer("invalid event", "Event object is invalid", Errors: errors));

    public static WebhookResponse Unauthorized(string error) =>
        Respond(401, new EventsAnswer("unauthorized", "Signature missing or invalid", Errors: [error]));

    public static WebhookResponse TooLarge(int limit) =>
        Respond(413, new EventsAnswer("request too large", $"Event bodies are at most {limit} bytes", Errors: ["body"]));

    public static WebhookResponse Unavailable(string error) =>
        Respond(503, new EventsAnswer("unavailable", "Event not processed; retry with backoff", Errors: [error])) with
        {
            Headers = WebhookResponse.Unavailable(error, Answers.RetryAfter).Headers,
        };

    private static WebhookResponse Respond(int status, EventsAnswer answer) =>
        WebhookResponse.Json(status, JsonSerializer.Serialize(answer, MonitoringJsonContext.Default.EventsAnswer)) with { Detail = answer.Message };
}
