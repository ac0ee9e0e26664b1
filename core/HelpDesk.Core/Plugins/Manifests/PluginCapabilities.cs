using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Core.Plugins.Manifests;

/// <summary>The capability names a manifest may declare, and the SDK interface each stands for.</summary>
public static class PluginCapabilities
{
    public static IReadOnlyDictionary<string, Type> Known { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["event-handler"] = typeof(ITicketEventHandler),
        ["webhook-receiver"] = typeof(IWebhookReceiver),
    };
}
