using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HelpDesk.Connectors.Monitoring.Events;

/// <summary>
/// <c>payload.custom_details</c> (any JSON) as readable text for the ticket, and its scalar members as labels (which the
/// hub can route by); nested values stay in the text only.
/// </summary>
internal static class CustomDetails
{
    public static string? Render(JsonElement? details)
    {
        switch (details)
        {
            case null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }:
                return null;
            case { ValueKind: JsonValueKind.String } text:
                return text.GetString();
            case { ValueKind: JsonValueKind.Object } members:
                var lines = new StringBuilder();
                foreach (var member in members.EnumerateObject())
                {
                    lines.Append(CultureInfo.InvariantCulture, $"- {member.Name}: {Text(member.Value)}\n");
                }

                return lines.Length == 0 ? null : lines.ToString().TrimEnd('\n');
            default:
                return Text(details.Value);
        }
    }

    public static Dictionary<string, string> ScalarLabels(JsonElement? details)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (details is not { ValueKind: JsonValueKind.Object } members)
        {
            return labels;
        }

        foreach (var member in members.EnumerateObject())
        {
            if (member.Name.Length > 0 && member.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            {
                labels[member.Name] = Text(member.Value);
            }
        }

        return labels;
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Object or JsonValueKind.Array => Compact(value),
        _ => value.GetRawText(), // numbers as written (no float round trip), true, false, null
    };

    private static string Compact(JsonElement value) => JsonSerializer.Serialize(value, Json.MonitoringJsonContext.Default.JsonElement);
}
