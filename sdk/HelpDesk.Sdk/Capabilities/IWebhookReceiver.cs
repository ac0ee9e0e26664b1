namespace HelpDesk.Sdk.Capabilities;

/// <summary>
/// Receives HTTP calls from another system at <c>/hooks/{pluginId}/{path}</c>. The hub passes the raw body so the
/// receiver can verify its signature (see <c>HelpDesk.Sdk.Webhooks.WebhookSignature</c>) before trusting it.
/// </summary>
public interface IWebhookReceiver
{
    /// <summary>Handles one call; a thrown exception is answered with 500 and logged, never with the plugin's details.</summary>
    /// <param name="request">The call as received.</param>
    /// <param name="cancellationToken">Signalled when the caller goes away or the receiver's timeout passes.</param>
    Task<WebhookResponse> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken);
}
