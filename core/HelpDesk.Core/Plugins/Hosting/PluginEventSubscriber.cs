using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Storage;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Core.Plugins.Manifests;

namespace HelpDesk.Core.Plugins.Hosting;

/// <summary>
/// A plugin's place in the event feed. Its name, and so its checkpoint, outlives versions: events that arrive while
/// the plugin reloads wait, and go to whichever version runs next.
/// </summary>
public sealed class PluginEventSubscriber(PluginSlot slot) : IEventSubscriber
{
    public string Name => NameOf(slot.Id);

    private static readonly string Capability = PluginCapabilities.NameOf(typeof(ITicketEventHandler));

    public bool IsAvailable => slot.Status.State == PluginState.Running && slot.Status.Capabilities.Contains(Capability);

    public static string NameOf(string pluginId) => $"plugin:{pluginId}";

    public async Task HandleAsync(StoredTicketEvent @event, int attempt, CancellationToken cancellationToken)
    {
        using var lease = slot.TryEnter() ?? throw new InvalidOperationException($"Plugin {slot.Id} is not running.");
        var context = new TicketEventContext(SdkMapping.ToEnvelope(@event), attempt);
        foreach (var handler in lease.Offered<ITicketEventHandler>())
        {
            await lease.CallAsync(token => handler.HandleAsync(context, token), cancellationToken);
        }
    }
}
