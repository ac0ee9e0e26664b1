using System.Text.Json;
using System.Text.Json.Serialization;

namespace HelpDesk.Domain.Events;

/// <summary>The one JSON form of events, used by every store provider.</summary>
public static class TicketEventJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(TicketEvent @event) => JsonSerializer.Serialize(@event, @event.GetType(), Options);

    public static TicketEvent Deserialize(string typeName, string json) =>
        (TicketEvent?)JsonSerializer.Deserialize(json, TicketEventTypes.TypeOf(typeName), Options)
        ?? throw new InvalidOperationException($"Stored event of type '{typeName}' is empty.");
}
