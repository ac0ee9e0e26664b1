using System.Text.Json;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Webhooks;

namespace HelpDesk.Sdk.Testing.Tests.SamplePlugin;

/// <summary>Accepts <c>{"ticket": 1, "body": "…"}</c> signed with <c>X-Signature: sha256=…</c> and adds it as the customer's reply.</summary>
public sealed class SignedReplyReceiver(IHelpDeskApi api, SampleOptions options) : IWebhookReceiver
{
    public const string SignatureHeader = "X-Signature";

    public async Task<WebhookResponse> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var check = WebhookSignature.Verify(SignatureAlgorithm.HmacSha256, options.Secret, request.Body.Span, request.Header(SignatureHeader), "sha256=");
        if (check != SignatureCheck.Valid)
        {
            return WebhookResponse.Unauthorized($"Signature {check}.");
        }

        var reply = JsonSerializer.Deserialize<Reply>(request.Body.Span, JsonSerializerOptions.Web);
        if (reply is not { Ticket: > 0, Body.Length: > 0 })
        {
            return WebhookResponse.BadRequest("Expected a ticket number and a body.");
        }

        await api.AddCustomerReplyAsync(reply.Ticket, reply.Body, cancellationToken);
        return WebhookResponse.Accepted();
    }

    private sealed record Reply(long Ticket, string Body);
}
