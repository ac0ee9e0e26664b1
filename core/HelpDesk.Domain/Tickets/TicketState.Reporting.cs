using System.Text.Json.Serialization;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Sla;

namespace HelpDesk.Domain.Tickets;

/// <summary>
/// What reports count per ticket, kept as the events arrive so a KPI reads one narrow row, not the ticket's events.
/// They live in the report facts table, not in the ticket's row, so they stay out of the ticket's JSON: a state read
/// back from the projection has none.
/// </summary>
public sealed partial class TicketState
{
    /// <summary>Public agent replies (internal notes are not contacts with the customer).</summary>
    [JsonIgnore]
    public int AgentReplyCount { get; set; }

    /// <summary>How often the ticket left solved for anything but closed: the customer was not done.</summary>
    [JsonIgnore]
    public int ReopenCount { get; set; }

    /// <summary>Every SLA target kind any policy applied to the ticket ever had, whether or not it still applies.</summary>
    [JsonIgnore]
    public SortedSet<SlaTargetKind> SlaTargetsEverApplied { get; set; } = [];

    /// <summary>Every SLA target kind the watch ever recorded a breach of.</summary>
    [JsonIgnore]
    public SortedSet<SlaTargetKind> SlaTargetsEverBreached { get; set; } = [];

    private void CountForReports(TicketEvent @event)
    {
        switch (@event)
        {
            case AgentReplied:
                AgentReplyCount++;
                break;
            case StatusChanged { To: not (TicketStatus.Solved or TicketStatus.Closed) } when Status == TicketStatus.Solved:
                ReopenCount++;
                break;
            case SlaPolicyApplied applied:
                SlaTargetsEverApplied.UnionWith(applied.Targets.Select(t => t.Kind));
                break;
            case SlaBreached breached:
                SlaTargetsEverBreached.Add(breached.Kind);
                break;
        }
    }
}
