using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Sdk.Testing.Tests.SamplePlugin;

/// <summary>Registers a webhook receiver and no event handler, to see the harness say so.</summary>
public sealed class ReceiverOnlyPlugin : IHelpDeskPlugin
{
    public void Register(PluginContext context) =>
        context.Services.AddSingleton<IWebhookReceiver>(new FixedAnswerReceiver(WebhookResponse.NoContent()));

    private sealed class FixedAnswerReceiver(WebhookResponse answer) : IWebhookReceiver
    {
        public Task<WebhookResponse> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken) => Task.FromResult(answer);
    }
}
