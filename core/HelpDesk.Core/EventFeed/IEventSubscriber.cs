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

    Task HandleAsync(StoredTicketEvent @event, CancellationToken cancellationToken);
}
