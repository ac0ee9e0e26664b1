using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

/// <summary>The ticket after a command, or why nothing changed. <see cref="Replayed"/> marks a repeated idempotent create.</summary>
public sealed record TicketCommandResult(TicketState? Ticket, Rejection? Rejection, bool Replayed = false)
{
    public static TicketCommandResult Rejected(Rejection rejection) => new(null, rejection);
}
