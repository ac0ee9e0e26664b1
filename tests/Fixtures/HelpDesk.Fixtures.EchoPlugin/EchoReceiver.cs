using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Fixtures.EchoPlugin;

/// <summary>Answers 202 with the size of what it received.</summary>
public sealed class EchoReceiver : IWebhookReceiver
{
    /// <inheritdoc/>
    public Task<WebhookResponse> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new WebhookResponse(202, $"echo v{typeof(EchoReceiver).Assembly.GetName().Version!.Major} received {request.Body.Length} bytes"));
}
