using HelpDesk.Domain.Events;
using HelpDesk.Domain.Sla;

namespace HelpDesk.Domain.Tickets;

/// <summary>What a ticket keeps for its SLA clocks: the policy applied, what the watch recorded, and its pauses.</summary>
public sealed partial class TicketState
{
    /// <summary>The SLA policy applied and what it recorded; null when none applies.</summary>
    public TicketSla? Sla { get; set; }

    /// <summary>When the clocks stood still (pending, on hold, solved), kept whether or not a policy applies.</summary>
    public List<SlaPause> SlaPauses { get; set; } = [];

    /// <summary>The first customer reply not yet answered by a public agent reply: the next-response clock's start.</summary>
    public DateTimeOffset? AwaitingReplySince { get; set; }

    private void ApplySla(TicketEvent @event)
    {
        switch (@event)
        {
            case SlaPolicyApplied applied:
                // The same policy keeps what it recorded; another starts afresh.
                var same = Sla?.PolicyId == applied.PolicyId;
                Sla = applied.PolicyId is null ? null : new TicketSla(applied.PolicyId, applied.PolicyName ?? applied.PolicyId, applied.Targets, applied.WarningShare) with
                {
                    Revision = applied.Revision,
                    Warned = same ? Sla!.Warned : new Dictionary<SlaTargetKind, DateTimeOffset>(),
                    Breached = same ? Sla!.Breached : new Dictionary<SlaTargetKind, DateTimeOffset>(),
                };
                break;
            case SlaWarning warning when Sla is not null:
                Sla = Sla with { Warned = new Dictionary<SlaTargetKind, DateTimeOffset>(Sla.Warned) { [warning.Kind] = warning.StartedAt } };
                break;
            case SlaBreached breached when Sla is not null:
                Sla = Sla with { Breached = new Dictionary<SlaTargetKind, DateTimeOffset>(Sla.Breached) { [breached.Kind] = breached.StartedAt } };
                break;
        }
    }

    private void TrackSlaPause(StatusChanged changed)
    {
        var paused = changed.To is TicketStatus.Pending or TicketStatus.OnHold or TicketStatus.Solved or TicketStatus.Closed;
        var open = SlaPauses.Count > 0 && SlaPauses[^1].To is null;
        if (paused && !open)
        {
            SlaPauses.Add(new SlaPause(changed.At, null));
        }
        else if (!paused && open)
        {
            SlaPauses[^1] = SlaPauses[^1] with { To = changed.At };
        }
    }
}
