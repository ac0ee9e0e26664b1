using System.Text.Json;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.GitHub.Escalation;
using HelpDesk.Connectors.GitHub.Hosting;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Webhooks;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Connectors.GitHub.Webhooks;

/// <summary>
/// <c>POST /hooks/github</c>: the repository's <c>issues</c> and <c>issue_comment</c> deliveries, verified with
/// <c>X-Hub-Signature-256</c> before anything is read, recorded on every ticket linked to the issue. GitHub does not
/// redeliver by itself, so a failure to store is a 503 someone can redeliver by hand (the delivery id stays the same).
/// </summary>
internal sealed class GitHubWebhookReceiver(IHelpDeskApi hub, GitHubOptions options, ILogger<GitHubWebhookReceiver> logger) : IWebhookReceiver
{
    public const string SignatureHeader = "X-Hub-Signature-256";

    public async Task<WebhookResponse> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return new WebhookResponse(405, "GitHub webhooks are POSTed.");
        }

        if (request.Header("Content-Type") is { } type && type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return new WebhookResponse(415, "Set the webhook's content type to application/json.");
        }

        if (options.WebhookSecret is not { } secret)
        {
            return WebhookResponse.Unauthorized("No WebhookSecret is configured for the github plugin; every webhook is refused.");
        }

        var signature = request.Header(SignatureHeader);
        // GitHub sends lowercase hex; the full header value is what must match, so another spelling is refused too.
        var check = signature is not null && signature.Any(char.IsAsciiLetterUpper)
            ? SignatureCheck.Malformed
            : WebhookSignature.Verify(SignatureAlgorithm.HmacSha256, secret, request.Body.Span, signature, "sha256=");
        if (check != SignatureCheck.Valid)
        {
            return WebhookResponse.Unauthorized(check == SignatureCheck.Missing
                ? $"{SignatureHeader} is missing: set the webhook's secret on GitHub."
                : $"{SignatureHeader} does not match the body under the configured secret.");
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

        if (payload is null || request.Header("X-GitHub-Delivery") is not { Length: > 0 } delivery)
        {
            return WebhookResponse.BadRequest(payload is null ? "The body is not a JSON object." : "X-GitHub-Delivery is missing.");
        }

        if (GitHubWebhookEvent.Update(request.Header("X-GitHub-Event"), payload, delivery, options.BotLogin) is not { } update)
        {
            return new WebhookResponse(200);
        }

        try
        {
            foreach (var ticket in await hub.FindByExternalReferenceAsync(GitHubEscalationTarget.System, update.Key, cancellationToken))
            {
                try
                {
                    await hub.RecordExternalUpdateAsync(ticket.Number, update, cancellationToken);
                }
                catch (HelpDeskApiException e)
                {
                    logger.LogInformation("GitHub update of {Key} not recorded on ticket {Ticket}: {Reason}", update.Key, ticket.Number, e.Message);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not record GitHub's update of {Key}; redeliver {Delivery}.", update.Key, delivery);
            return WebhookResponse.Unavailable("The update could not be stored; redeliver it.", TimeSpan.FromSeconds(30));
        }

        return new WebhookResponse(200);
    }
}
