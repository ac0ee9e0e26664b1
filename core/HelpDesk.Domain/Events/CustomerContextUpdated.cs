using HelpDesk.Domain.Customers;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>The requester's customer context, as the providers gave it (or failed to): the ticket keeps the latest.</summary>
public sealed record CustomerContextUpdated(Actor Actor, DateTimeOffset At, CustomerSnapshot Context) : TicketEvent(Actor, At);
