using HelpDesk.Domain.Sla;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Server.Contracts;

/// <summary>A ticket's SLA as agents see it: the policy, the overall state and each target's clock, evaluated now.</summary>
public sealed record SlaResponse(string Policy, string PolicyName, SlaState State, DateTimeOffset? DueAt, IReadOnlyList<SlaTargetStatus> Targets)
{
    public static SlaResponse? From(TicketState ticket, DateTimeOffset now)
    {
        if (ticket.Sla is not { } sla)
        {
            return null;
        }

        var targets = sla.Evaluate(ticket, now);
        var due = targets.Where(t => t.StoppedAt is null && t.DueAt is not null).Select(t => t.DueAt).Min();
        return new SlaResponse(sla.PolicyId, sla.PolicyName, TicketSla.Overall(targets), due, targets);
    }
}
