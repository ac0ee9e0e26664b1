using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Core.Plugins.Manifests;

/// <summary>The capability names a manifest may declare, and the SDK interface each stands for.</summary>
public static class PluginCapabilities
{
    public static IReadOnlyDictionary<string, Type> Known { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["event-handler"] = typeof(ITicketEventHandler),
        ["webhook-receiver"] = typeof(IWebhookReceiver),
        ["escalation-target"] = typeof(IEscalationTarget),
        ["meeting-provider"] = typeof(IMeetingProvider),
        ["customer-context-provider"] = typeof(ICustomerContextProvider),
        ["business-records-provider"] = typeof(IBusinessRecordsProvider),
        ["outbound-channel"] = typeof(IOutboundChannel),
        ["scheduled-task"] = typeof(IScheduledTask),
    };

    /// <summary>The manifest name of a capability interface, such as <c>escalation-target</c>.</summary>
    public static string NameOf(Type contract) =>
        Known.FirstOrDefault(p => p.Value == contract).Key ?? throw new ArgumentException($"{contract.Name} is not a plugin capability.", nameof(contract));
}
