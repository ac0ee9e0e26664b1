using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>An alert on this ticket started or stopped flapping (changing between firing and resolved too often to announce each change).</summary>
public sealed record AlertFlappingChanged(Actor Actor, DateTimeOffset At, string Source, string DedupKey, bool Flapping, int RecentStateChanges)
    : TicketEvent(Actor, At);
