using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Webhooks;

namespace HelpDesk.Samples.TeamChat;

/// <summary>
/// <c>POST /hooks/team-chat/replies</c>: a reply written in the chat, put on its ticket as an internal note or a public
/// answer. Only requests signed with the configured secret (see <see cref="ChatSignature"/>) change anything.
/// </summary>
public sealed class ChatReplyReceiver(IHelpDeskApi helpDesk, TeamChatOptions options) : IWebhookReceiver
{
    /// <summary>Where replies are posted, after <c>/hooks/team-chat</c>.</summary>
    public const string RepliesPath = "/replies";

    /// <inheritdoc/>
    public async Task<WebhookResponse> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        if (request.Path != RepliesPath)
        {
            return new WebhookResponse(404, $"Nothing is at {request.Path}; replies go to {RepliesPath}.");
        }

        if (request.Method != "POST")
        {
            return new WebhookResponse(405, "Replies are POSTed.");
        }

        // Without a secret nobody can be told apart from an attacker: refuse everyone rather than trust anyone.
        if (options.SigningSecret is not { } secret)
        {
            return WebhookResponse.Unauthorized("Replies are refused until a SigningSecret is configured.");
        }

        var check = ChatSignature.Verify(secret, request);
        if (check != SignatureCheck.Valid)
        {
            return WebhookResponse.Unauthorized(check switch
            {
                SignatureCheck.Missing => $"The request is not signed: {ChatSignature.SignatureHeader} and {ChatSignature.TimestampHeader} are required.",
                SignatureCheck.Malformed => $"{ChatSignature.SignatureHeader} or {ChatSignature.TimestampHeader} is not in the expected form.",
                SignatureCheck.Expired => $"{ChatSignature.TimestampHeader} is more than {ChatSignature.Tolerance.TotalMinutes:0} minutes off; sign the request again.",
                _ => "The signature does not match the request.",
            });
        }

        var (reply, problem) = ChatReply.Parse(request.Body);
        return reply is null ? WebhookResponse.BadRequest(problem) : await AddAsync(reply, cancellationToken);
    }

    private async Task<WebhookResponse> AddAsync(ChatReply reply, CancellationToken cancellationToken)
    {
        var text = $"{reply.Author} (from chat): {reply.Text}";
        try
        {
            _ = reply.Public
                ? await helpDesk.AddAgentReplyAsync(reply.Ticket, text, cancellationToken)
                : await helpDesk.AddInternalNoteAsync(reply.Ticket, text, cancellationToken);
            return WebhookResponse.NoContent();
        }
        catch (HelpDeskApiException refused)
        {
            var status = refused.Kind switch
            {
                HelpDeskApiError.NotFound => 404,
                HelpDeskApiError.Conflict => 409,
                _ => 400,
            };
            return new WebhookResponse(status, refused.Kind == HelpDeskApiError.NotFound ? $"ticket: there is no ticket #{reply.Ticket}." : $"{refused.Field}: {refused.Message}");
        }
    }
}
