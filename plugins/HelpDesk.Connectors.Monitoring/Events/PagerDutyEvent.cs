using System.Text.Json;
using System.Text.Json.Serialization;

namespace HelpDesk.Connectors.Monitoring.Events;

/// <summary>A PagerDuty Events API v2 event, as sent to <c>/v2/enqueue</c>; checked by <see cref="EventsMapper"/>.</summary>
internal sealed class PagerDutyEvent
{
    [JsonPropertyName("routing_key")]
    public string? RoutingKey { get; init; }

    [JsonPropertyName("event_action")]
    public string? EventAction { get; init; }

    [JsonPropertyName("dedup_key")]
    public string? DedupKey { get; init; }

    public EventPayload? Payload { get; init; }

    public string? Client { get; init; }

    [JsonPropertyName("client_url")]
    public string? ClientUrl { get; init; }

    public List<EventLink?>? Links { get; init; }

    public List<EventImage?>? Images { get; init; }
}

internal sealed class EventPayload
{
    public string? Summary { get; init; }
    public string? Source { get; init; }
    public string? Severity { get; init; }
    public string? Timestamp { get; init; }
    public string? Component { get; init; }
    public string? Group { get; init; }
    public string? Class { get; init; }

    [JsonPropertyName("custom_details")]
    public JsonElement? CustomDetails { get; init; }
}

internal sealed class EventLink
{
    public string? Href { get; init; }
    public string? Text { get; init; }
}

internal sealed class EventImage
{
    public string? Src { get; init; }
    public string? Href { get; init; }
    public string? Alt { get; init; }
}
