using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

public sealed record ExternalIssueLinked(Actor Actor, DateTimeOffset At, ExternalLink Link) : TicketEvent(Actor, At);
