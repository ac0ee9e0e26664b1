using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Plugins.Manifests;
using HelpDesk.Core.Storage;
using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Core.Plugins.Hosting;

/// <summary>
/// A plugin's place in the event feed. Its name, and so its checkpoint, outlives versions and even the plugin's
/// folder: it looks the plugin up on every call, so events wait while the plugin reloads or is gone, and go to
/// whichever version runs next.
/// </summary>
public sealed class PluginEventSubscriber(string pluginId, Func<string, PluginSlot?> find) : IEventSubscriber
{
    private static readonly string Capability = PluginCapabilities.NameOf(typeof(ITicketEventHandler));

    public string Name => NameOf(pluginId);

    public bool IsAvailable => find(pluginId)?.Status is { State: PluginState.Running } status && status.Capabilities.Contains(Capability);

    public static string NameOf(string pluginId) => $"plugin:{pluginId}";

    public async Task HandleAsync(StoredTicketEvent @event, int attempt, CancellationToken cancellationToken)
    {
        using var lease = find(pluginId)?.TryEnter() ?? throw new InvalidOperationException($"Plugin {pluginId} is not running.");
        var context = new TicketEventContext(SdkMapping.ToEnvelope(@event), attempt);
        foreach (var handler in lease.Offered<ITicketEventHandler>())
        {
            await lease.CallAsync(token => handler.HandleAsync(context, token), cancellationToken);
        }
    }
}
