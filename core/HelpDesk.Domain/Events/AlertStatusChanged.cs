using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>An alert on this ticket was acknowledged or resolved at its source, or fires again.</summary>
public sealed record AlertStatusChanged(Actor Actor, DateTimeOffset At, string Source, string DedupKey, AlertStatus Status)
    : TicketEvent(Actor, At);
