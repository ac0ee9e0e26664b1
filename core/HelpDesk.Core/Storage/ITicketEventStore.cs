namespace HelpDesk.Core.Storage;

/// <summary>The append-only event log: the source of truth and the audit trail.</summary>
public interface ITicketEventStore
{
    /// <summary>Completes once the events and the projection are committed to disk, or nothing was written (conflict).</summary>
    Task<AppendOutcome> AppendAsync(TicketAppend append);

    Task<IReadOnlyList<StoredTicketEvent>> ReadTicketAsync(long ticket, CancellationToken cancellationToken);

    /// <summary>The newest event's global position; 0 for an empty log. With a checkpoint, it gives a subscriber's lag.</summary>
    Task<long> LastPositionAsync(CancellationToken cancellationToken);

    /// <summary>Events in global order after <paramref name="afterPosition"/>: what the event feed reads.</summary>
    Task<IReadOnlyList<StoredTicketEvent>> ReadAllAsync(long afterPosition, int max, CancellationToken cancellationToken);
}
