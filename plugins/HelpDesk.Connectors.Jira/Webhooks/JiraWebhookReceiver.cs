using System.Text.Json;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.Jira.Escalation;
using HelpDesk.Connectors.Jira.Hosting;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Connectors.Jira.Webhooks;

/// <summary>
/// <c>POST /hooks/jira</c>: Jira's <c>jira:issue_updated</c> and <c>comment_created</c> webhooks, recorded on every
/// ticket linked to the issue. Jira retries on 5xx for about half an hour, so a failure to store is a 503 (retried),
/// while anything about the payload or a ticket that cannot take the update is answered 2xx or 4xx (never retried).
/// </summary>
internal sealed class JiraWebhookReceiver(IHelpDeskApi hub, JiraOptions options, ILogger<JiraWebhookReceiver> logger) : IWebhookReceiver
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    public async Task<WebhookResponse> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return new WebhookResponse(405, "Jira webhooks are POSTed.");
        }

        if (JiraWebhookAuthentication.Refusal(request, options) is { } refusal)
        {
            return WebhookResponse.Unauthorized(refusal);
        }

        JsonObject? payload;
        try
        {
            payload = JsonNode.Parse(request.Body.Span) as JsonObject;
        }
        catch (JsonException e)
        {
            return WebhookResponse.BadRequest($"The body is not JSON: {e.Message}");
        }

        if (payload is null)
        {
            return WebhookResponse.BadRequest("The body is not a JSON object.");
        }

        if (JiraWebhookEvent.Update(payload, request.Header("X-Atlassian-Webhook-Identifier"), options) is not { } update)
        {
            return new WebhookResponse(200);
        }

        try
        {
            foreach (var ticket in await hub.FindByExternalReferenceAsync(JiraEscalationTarget.System, update.Key, cancellationToken))
            {
                try
                {
                    await hub.RecordExternalUpdateAsync(ticket.Number, update, cancellationToken);
                }
                catch (HelpDeskApiException e)
                {
                    // A closed ticket, or one unlinked meanwhile: Jira retrying would not change that.
                    logger.LogInformation("Jira update of {Key} not recorded on ticket {Ticket}: {Reason}", update.Key, ticket.Number, e.Message);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not record Jira's update of {Key}; Jira will redeliver it.", update.Key);
            return WebhookResponse.Unavailable("The update could not be stored; retry later.", RetryAfter);
        }

        return new WebhookResponse(200);
    }
}
