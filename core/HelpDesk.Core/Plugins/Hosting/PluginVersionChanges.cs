using Microsoft.Extensions.Logging;

namespace HelpDesk.Core.Plugins.Hosting;

/// <summary>
/// Tells whoever keeps per-version state (the task scheduler) that a plugin's running version changed: loaded,
/// swapped, disabled or removed. Observers are called on the changing thread and must only take note.
/// </summary>
public sealed class PluginVersionChanges(ILogger<PluginVersionChanges> logger)
{
    private readonly Lock _gate = new();
    private Action<PluginSlot>[] _observers = [];

    public IDisposable Subscribe(Action<PluginSlot> observer)
    {
        lock (_gate)
        {
            _observers = [.. _observers, observer];
        }

        return new Subscription(() =>
        {
            lock (_gate)
            {
                _observers = [.. _observers.Where(o => o != observer)];
            }
        });
    }

    public void Notify(PluginSlot slot)
    {
        foreach (var observer in Volatile.Read(ref _observers))
        {
            try
            {
                observer(slot);
            }
            catch (Exception error)
            {
                logger.LogError(error, "An observer of plugin {Plugin}'s version change failed", slot.Id);
            }
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
