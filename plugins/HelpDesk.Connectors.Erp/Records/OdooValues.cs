using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Connectors.Erp.Records;

/// <summary>
/// Odoo's value conventions read safely: <c>false</c> for every empty value (strings and dates too), many2one fields as
/// <c>[id, "display name"]</c>, datetimes in UTC without an offset, monetary amounts as floats.
/// </summary>
internal static class OdooValues
{
    public static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String
        && value.GetValue<string>() is { Length: > 0 } text ? text : null;

    public static long? Id(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var id) ? id : null;

    public static (long Id, string Name)? Many2One(JsonNode? node) =>
        node is JsonArray { Count: 2 } pair && Id(pair[0]) is { } id ? (id, Text(pair[1]) ?? "") : null;

    /// <summary>
    /// The amount as the JSON text wrote it: parsing the literal keeps <c>2380.55</c> exact, where going through a
    /// double could not.
    /// </summary>
    public static decimal? Amount(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                ? amount
                : null;

    /// <summary>An amount in the currency of a <c>currency_id</c> many2one, whose display name is the ISO code.</summary>
    public static Money? Money(JsonNode? amount, JsonNode? currency) =>
        Amount(amount) is { } value && Many2One(currency) is { Name.Length: > 0 } code ? new Money(value, code.Name.ToUpperInvariant()) : null;

    public static DateTimeOffset? UtcDateTime(JsonNode? node) =>
        Text(node) is { } text && DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFF"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc)
                ? new DateTimeOffset(utc, TimeSpan.Zero)
                : null;

    public static DateOnly? Date(JsonNode? node) =>
        Text(node) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A date as the start of that day in UTC, which is how the hub's records carry plain dates.</summary>
    public static DateTimeOffset? StartOfDay(DateOnly? date) =>
        date is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}
