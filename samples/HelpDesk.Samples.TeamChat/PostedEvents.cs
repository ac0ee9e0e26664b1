namespace HelpDesk.Samples.TeamChat;

/// <summary>
/// The events (ticket + version) already posted, so a redelivery of one does not post it twice. Kept in memory, for
/// the most recent ones only: this catches the hub retrying an event whose post did land (a timeout that fired late),
/// not a redelivery after the hub restarts, which can still repeat a message.
/// </summary>
public sealed class PostedEvents
{
    private const int Capacity = 10_000;
    private readonly Lock _gate = new();
    private readonly HashSet<(long Ticket, int Version)> _posted = [];
    private readonly Queue<(long Ticket, int Version)> _oldestFirst = new();

    /// <summary>Whether this event was posted already.</summary>
    /// <param name="ticket">The ticket's number.</param>
    /// <param name="version">The ticket's version after the event.</param>
    public bool Contains(long ticket, int version)
    {
        lock (_gate)
        {
            return _posted.Contains((ticket, version));
        }
    }

    /// <summary>Remembers a posted event, forgetting the oldest beyond the capacity.</summary>
    /// <param name="ticket">The ticket's number.</param>
    /// <param name="version">The ticket's version after the event.</param>
    public void Add(long ticket, int version)
    {
        lock (_gate)
        {
            if (!_posted.Add((ticket, version)))
            {
                return;
            }

            _oldestFirst.Enqueue((ticket, version));
            if (_oldestFirst.Count > Capacity)
            {
                _posted.Remove(_oldestFirst.Dequeue());
            }
        }
    }
}
