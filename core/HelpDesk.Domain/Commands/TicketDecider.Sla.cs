using HelpDesk.Domain.Events;
using HelpDesk.Domain.Sla;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

/// <summary>
/// SLAs: the policy that applies (chosen by the SLA service from the ticket's fields) and, from the SLA watch, each
/// warning and breach exactly once per target and clock start.
/// </summary>
public sealed partial class TicketDecider
{
    /// <summary>Applies a policy (null id: none), or nothing when the same revision of it already applies.</summary>
    public static Decision ApplySlaPolicy(TicketState state, SlaPolicyApplied applied)
    {
        if (!state.Exists)
        {
            return NoSuchTicket;
        }

        var same = applied.PolicyId is null ? state.Sla is null : state.Sla?.PolicyId == applied.PolicyId && state.Sla.Revision == applied.Revision;
        return Decision.Accept(same || state.Status == TicketStatus.Closed ? [] : [applied]);
    }

    /// <summary>The warnings and breaches due by <paramref name="now"/> that the ticket has not recorded yet.</summary>
    public static Decision RecordSlaCrossings(TicketState state, Actor actor, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            return NoSuchTicket;
        }

        if (state.Sla is not { } sla)
        {
            return Decision.Accept([]);
        }

        var events = new List<TicketEvent>();
        foreach (var target in sla.Evaluate(state, now).Where(t => t is { StartedAt: not null, StoppedAt: null, DueAt: not null }))
        {
            var started = target.StartedAt!.Value;
            var due = target.DueAt!.Value;
            if (target.State is SlaState.Warning or SlaState.Breached && !(sla.Warned.TryGetValue(target.Kind, out var warned) && warned == started))
            {
                events.Add(new SlaWarning(actor, now, target.Kind, started, due));
            }

            if (target.State == SlaState.Breached && !(sla.Breached.TryGetValue(target.Kind, out var breached) && breached == started))
            {
                events.Add(new SlaBreached(actor, now, target.Kind, started, due));
            }
        }

        return Decision.Accept(events);
    }
}
