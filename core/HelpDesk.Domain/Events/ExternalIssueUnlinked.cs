using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>The ticket is no longer linked to that item: its webhooks stop reaching the ticket.</summary>
public sealed record ExternalIssueUnlinked(Actor Actor, DateTimeOffset At, string System, string Key) : TicketEvent(Actor, At);
