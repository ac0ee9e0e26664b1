using HelpDesk.Domain.Escalations;

namespace HelpDesk.Domain.Tickets;

/// <summary>An escalation of the ticket as the ticket knows it.</summary>
public sealed record TicketEscalation(
    string Id,
    string Target,
    EscalationState State,
    DateTimeOffset RequestedAt,
    string? Key = null,
    string? Url = null,
    string? LastError = null)
{
    public bool InFlight => State is EscalationState.Requested or EscalationState.Failing;
}
