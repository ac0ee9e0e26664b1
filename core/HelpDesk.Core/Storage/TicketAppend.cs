using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Storage;

/// <summary>One ticket's new events, valid only on top of <paramref name="ExpectedVersion"/>, and the state they lead to.</summary>
public sealed record TicketAppend(long Ticket, int ExpectedVersion, IReadOnlyList<TicketEvent> Events, TicketState Result);
