using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HelpDesk.Connectors.Zoom.Hosting;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Webhooks;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Connectors.Zoom.Webhooks;

/// <summary>
/// <c>POST /hooks/zoom</c>: every request, URL validation included, is verified (signature and timestamp) before its
/// body is read. Zoom wants an answer within 3 seconds and retries three times at most, so the only work here is the
/// hub's recording of the update; anything about the payload or the ticket is answered 2xx or 4xx (a retry would not
/// change it), and only a failure to store is a 503 so that Zoom redelivers.
/// </summary>
internal sealed class ZoomWebhookReceiver(IHelpDeskApi hub, ZoomOptions options, TimeProvider clock, ILogger<ZoomWebhookReceiver> logger) : IWebhookReceiver
{
    public async Task<WebhookResponse> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return new WebhookResponse(405, "Zoom webhooks are POSTed.");
        }

        if (options.WebhookSecret is not { } secret)
        {
            return WebhookResponse.Unauthorized("No WebhookSecret is configured for the zoom plugin; every webhook is refused.");
        }

        if (ZoomWebhookSignature.Refusal(request, secret, clock.GetUtcNow(), options.TimestampTolerance) is { } refusal)
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

        if (payload is null || ZoomWebhookEvent.Text(payload["event"]) is not { } name)
        {
            return WebhookResponse.BadRequest(payload is null ? "The body is not a JSON object." : "The body has no event.");
        }

        if (name == ZoomWebhookEvent.UrlValidation)
        {
            return UrlValidation(payload, secret);
        }

        if (!ZoomWebhookEvent.TryRead(payload, out var update, out var problem))
        {
            return WebhookResponse.BadRequest(problem);
        }

        return update is null ? new WebhookResponse(200) : await RecordAsync(update, cancellationToken);
    }

    /// <summary>Zoom's challenge: the plain token back, with its HMAC under the Secret Token as lowercase hex.</summary>
    private static WebhookResponse UrlValidation(JsonObject payload, string secret)
    {
        if (ZoomWebhookEvent.Text(payload["payload"]?["plainToken"]) is not { } plainToken)
        {
            return WebhookResponse.BadRequest("endpoint.url_validation lacks payload.plainToken.");
        }

        var encryptedToken = WebhookSignature.Compute(SignatureAlgorithm.HmacSha256, secret, Encoding.UTF8.GetBytes(plainToken));
        return WebhookResponse.Json(200, new JsonObject { ["plainToken"] = plainToken, ["encryptedToken"] = encryptedToken }.ToJsonString());
    }

    private async Task<WebhookResponse> RecordAsync(MeetingUpdate update, CancellationToken cancellationToken)
    {
        try
        {
            if (await hub.RecordMeetingUpdateAsync(update, cancellationToken) is null)
            {
                logger.LogDebug("Zoom meeting {MeetingId} belongs to no ticket; {Kind} ignored.", update.MeetingId, update.Kind);
            }
        }
        catch (HelpDeskApiException e)
        {
            // A closed ticket, say: Zoom redelivering would not change that.
            logger.LogInformation("Zoom's {Kind} of meeting {MeetingId} not recorded: {Reason}", update.Kind, update.MeetingId, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not record Zoom's {Kind} of meeting {MeetingId}; Zoom will redeliver it.", update.Kind, update.MeetingId);
            return WebhookResponse.Unavailable("The update could not be stored; retry later.", TimeSpan.FromSeconds(30));
        }

        return new WebhookResponse(200);
    }
}
