using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Queries;

public sealed record TicketPage(IReadOnlyList<TicketState> Items, TicketCursor? Next);
