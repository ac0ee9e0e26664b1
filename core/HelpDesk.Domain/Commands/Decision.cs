using HelpDesk.Domain.Events;

namespace HelpDesk.Domain.Commands;

/// <summary>Either the events a command produces (possibly none: nothing to change) or why it was refused.</summary>
public sealed record Decision(IReadOnlyList<TicketEvent> Events, Rejection? Rejection)
{
    public bool IsRejected => Rejection is not null;

    public static Decision Accept(IReadOnlyList<TicketEvent> events) => new(events, null);

    public static Decision Reject(Rejection rejection) => new([], rejection);

    public static implicit operator Decision(Rejection rejection) => Reject(rejection);
}
