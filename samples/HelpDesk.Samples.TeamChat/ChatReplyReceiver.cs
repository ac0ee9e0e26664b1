using System.Text.Json;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Webhooks;

namespace HelpDesk.Samples.TeamChat;

/// <summary>
/// <c>POST /hooks/team-chat/replies</c>: a reply written in the chat, put on its ticket as an internal note or a public
/// answer. Requests are signed like Slack's: <c>X-TeamChat-Signature: v0=hex(HMAC-SHA256(secret, "{timestamp}:{body}"))</c>
/// with <c>X-TeamChat-Timestamp</c> in Unix seconds, at most five minutes off, so a captured request cannot be replayed later.
/// </summary>
public sealed class ChatReplyReceiver(IHelpDeskApi helpDesk, TeamChatOptions options) : IWebhookReceiver
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-TeamChat-Signature";

    /// <summary>The timestamp header.</summary>
    public const string TimestampHeader = "X-TeamChat-Timestamp";

    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <inheritdoc/>
    public async Task<WebhookResponse> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        if (request.Path != "/replies")
        {
            return new WebhookResponse(404, $"Nothing is at {request.Path}; replies go to /replies.");
        }

        if (request.Method != "POST")
        {
            return new WebhookResponse(405, "Replies are POSTed.");
        }

        // Without a secret nobody can be told apart from an attacker: refuse everyone rather than trust anyone.
        if (string.IsNullOrEmpty(options.SigningSecret))
        {
            return WebhookResponse.Unauthorized("Replies are refused until a SigningSecret is configured.");
        }

        var check = WebhookSignature.VerifyTimestamped(
            SignatureAlgorithm.HmacSha256, options.SigningSecret, request.Body.Span,
            request.Header(SignatureHeader), request.Header(TimestampHeader), request.ReceivedAt, Tolerance, prefix: "v0=");
        if (check != SignatureCheck.Valid)
        {
            return WebhookResponse.Unauthorized($"The request's signature is {check.ToString().ToLowerInvariant()}.");
        }

        if (ChatReply.Parse(request.Body) is not { } reply)
        {
            return WebhookResponse.BadRequest(ChatReply.Problem(request.Body));
        }

        try
        {
            var text = $"{reply.Author} (from chat): {reply.Text}";
            _ = reply.Public
                ? await helpDesk.AddAgentReplyAsync(reply.Ticket, text, cancellationToken)
                : await helpDesk.AddInternalNoteAsync(reply.Ticket, text, cancellationToken);
            return WebhookResponse.NoContent();
        }
        catch (HelpDeskApiException refused) when (refused.Kind == HelpDeskApiError.NotFound)
        {
            return new WebhookResponse(404, $"There is no ticket #{reply.Ticket}.");
        }
        catch (HelpDeskApiException refused)
        {
            return new WebhookResponse(refused.Kind == HelpDeskApiError.Conflict ? 409 : 400, $"{refused.Field}: {refused.Message}");
        }
    }
}

/// <summary>The reply's JSON: <c>{"ticket": 42, "author": "sam", "text": "…", "visibility": "internal" | "public"}</c>.</summary>
internal sealed record ChatReply(long Ticket, string Author, string Text, bool Public)
{
    public static ChatReply? Parse(ReadOnlyMemory<byte> body) => Read(body, out var reply, out _) ? reply : null;

    public static string Problem(ReadOnlyMemory<byte> body) => Read(body, out _, out var problem) ? "" : problem;

    private static bool Read(ReadOnlyMemory<byte> body, out ChatReply? reply, out string problem)
    {
        reply = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            problem = "body: not JSON.";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "body: expected a JSON object.";
                return false;
            }

            if (!root.TryGetProperty("ticket", out var ticket) || ticket.ValueKind != JsonValueKind.Number || !ticket.TryGetInt64(out var number) || number <= 0)
            {
                problem = "ticket: required, a ticket number.";
                return false;
            }

            if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(text.GetString()))
            {
                problem = "text: required, not blank.";
                return false;
            }

            var author = root.TryGetProperty("author", out var a) && a.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(a.GetString()) ? a.GetString()! : "someone";
            var visibility = root.TryGetProperty("visibility", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : "internal";
            if (visibility is not ("internal" or "public"))
            {
                problem = "visibility: internal or public.";
                return false;
            }

            reply = new ChatReply(number, author.Trim(), text.GetString()!.Trim(), visibility == "public");
            problem = "";
            return true;
        }
    }
}
