using HelpDesk.Core.Storage;

namespace HelpDesk.Core.EventFeed;

/// <summary>
/// Something that reacts to ticket events (automation, notifications, a plugin's handler). It sees every event
/// at least once, in global order; it must be idempotent, keyed by ticket and version, because a crash between
/// handling and checkpointing delivers the same event again.
/// </summary>
public interface IEventSubscriber
{
    /// <summary>Stable: the checkpoint and the dead letters are stored under it.</summary>
    string Name { get; }

    /// <summary>False while the subscriber cannot take events (a plugin disabled or reloading): its feed waits, nothing is parked.</summary>
    bool IsAvailable => true;

    /// <param name="event">The event.</param>
    /// <param name="attempt">1 on first delivery; more on retries and replays.</param>
    /// <param name="cancellationToken">Signalled at the handler timeout or at shutdown.</param>
    Task HandleAsync(StoredTicketEvent @event, int attempt, CancellationToken cancellationToken);
}
