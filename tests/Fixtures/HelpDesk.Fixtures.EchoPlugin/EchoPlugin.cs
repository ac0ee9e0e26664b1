using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Fixtures.EchoPlugin;

/// <summary>Registers a handler that notes each opened ticket and a receiver that echoes the body's size.</summary>
public sealed class EchoPlugin : IHelpDeskPlugin
{
    /// <inheritdoc/>
    public void Register(PluginContext context)
    {
        context.Services.AddSingleton<ITicketEventHandler, EchoHandler>();
        context.Services.AddSingleton<IWebhookReceiver, EchoReceiver>();
    }
}
