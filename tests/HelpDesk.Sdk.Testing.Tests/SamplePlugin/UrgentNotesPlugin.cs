using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Sdk.Testing.Tests.SamplePlugin;

/// <summary>A connector as a partner would write one: notes urgent tickets, and turns signed webhook calls into customer replies.</summary>
public sealed class UrgentNotesPlugin : IHelpDeskPlugin
{
    public void Register(PluginContext context)
    {
        var secret = context.Configuration["Secret"] ?? throw new InvalidOperationException($"HelpDesk:Plugins:{context.PluginId}:Secret is not set.");
        context.Services.AddSingleton(new SampleOptions(secret));
        context.Services.AddSingleton<ITicketEventHandler, UrgentTicketNoter>();
        context.Services.AddSingleton<IWebhookReceiver, SignedReplyReceiver>();
    }
}
