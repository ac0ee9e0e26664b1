using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>An alert fired (again) on this ticket: <see cref="Occurrences"/> is its count so far, which makes the event idempotent.</summary>
public sealed record AlertOccurred(
    Actor Actor,
    DateTimeOffset At,
    string Source,
    string DedupKey,
    int Occurrences,
    AlertSeverity Severity,
    string Summary,
    DateTimeOffset LastSeenAt) : TicketEvent(Actor, At);
