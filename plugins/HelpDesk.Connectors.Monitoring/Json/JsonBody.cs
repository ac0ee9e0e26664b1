using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HelpDesk.Connectors.Monitoring.Json;

/// <summary>Reads a request body into its DTO, or says where and why it is not one.</summary>
internal static class JsonBody
{
    public static (T? Value, string Problem) Read<T>(ReadOnlyMemory<byte> body, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(body.Span, type) is { } value ? (value, "") : (null, "body: expected a JSON object, got null.");
        }
        catch (JsonException error)
        {
            return (null, Describe(error));
        }
    }

    public static (T? Value, string Problem) Read<T>(JsonElement element, JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return element.Deserialize(type) is { } value ? (value, "") : (null, "body: expected a JSON object, got null.");
        }
        catch (JsonException error)
        {
            return (null, Describe(error));
        }
    }

    // JsonException's message ends in its own "Path: … | LineNumber: …"; the field goes first so the sender sees it.
    public static string Describe(JsonException error)
    {
        var reason = error.Message.Split(" Path: ", 2)[0].Split(" LineNumber: ", 2)[0].TrimEnd(' ', '|');
        var field = string.IsNullOrEmpty(error.Path) || error.Path == "$" ? "body" : error.Path.TrimStart('$', '.');
        var where = error.LineNumber is { } line ? $" (line {line + 1}, byte {error.BytePositionInLine + 1})" : "";
        return $"{field}: malformed JSON or a value of the wrong type{where}: {reason}";
    }
}
