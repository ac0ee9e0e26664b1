using System.Text.Json;

namespace HelpDesk.Samples.TeamChat;

/// <summary>A reply from the chat: <c>{"ticket": 42, "author": "sam", "text": "…", "visibility": "internal" | "public"}</c>.</summary>
/// <param name="Ticket">The ticket it answers.</param>
/// <param name="Author">Who wrote it in the chat.</param>
/// <param name="Text">What they wrote.</param>
/// <param name="Public">Whether it goes to the customer (otherwise it is an internal note).</param>
internal sealed record ChatReply(long Ticket, string Author, string Text, bool Public)
{
    /// <summary>The reply, or why the body is not one (<c>"{field}: …"</c>).</summary>
    public static (ChatReply? Reply, string Problem) Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, "body: not JSON.");
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static (ChatReply?, string) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "body: expected a JSON object.");
        }

        if (!root.TryGetProperty("ticket", out var ticket) || ticket.ValueKind != JsonValueKind.Number || !ticket.TryGetInt64(out var number) || number <= 0)
        {
            return (null, "ticket: required, a ticket number.");
        }

        if (String(root, "text") is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return (null, "text: required, not blank.");
        }

        if (root.TryGetProperty("author", out var author) && author.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return (null, "author: text.");
        }

        var visibility = root.TryGetProperty("visibility", out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() : null) : "internal";
        if (visibility is not ("internal" or "public"))
        {
            return (null, "visibility: internal or public.");
        }

        var name = String(root, "author") is { } a && !string.IsNullOrWhiteSpace(a) ? a.Trim() : "someone";
        return (new ChatReply(number, name, text.Trim(), visibility == "public"), "");
    }

    private static string? String(JsonElement root, string member) =>
        root.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
