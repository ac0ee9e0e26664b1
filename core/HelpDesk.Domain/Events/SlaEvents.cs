using HelpDesk.Domain.Sla;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>The SLA policy that now applies to the ticket (null id: none matches any more), with copies of its targets.</summary>
public sealed record SlaPolicyApplied(Actor Actor, DateTimeOffset At, string? PolicyId, string? PolicyName, IReadOnlyList<SlaTarget> Targets, double WarningShare)
    : TicketEvent(Actor, At)
{
    public string? Revision { get; init; }
}

/// <summary>A target's warning share (75 % by default) was used up; recorded once per target and clock start.</summary>
public sealed record SlaWarning(Actor Actor, DateTimeOffset At, SlaTargetKind Kind, DateTimeOffset StartedAt, DateTimeOffset DueAt) : TicketEvent(Actor, At);

/// <summary>A target's due time passed before it was met; recorded once per target and clock start.</summary>
public sealed record SlaBreached(Actor Actor, DateTimeOffset At, SlaTargetKind Kind, DateTimeOffset StartedAt, DateTimeOffset DueAt) : TicketEvent(Actor, At);
