using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Queries;

/// <summary>A list request: every filter is optional and they combine with AND.</summary>
public sealed record TicketQuery
{
    public const int MaxLimit = 200;

    public IReadOnlyList<TicketStatus>? Statuses { get; init; }

    public IReadOnlyList<Priority>? Priorities { get; init; }

    /// <summary>Overall SLA states (ok, warning, breached, paused, met) as of each ticket's last change or SLA crossing.</summary>
    public IReadOnlyList<HelpDesk.Domain.Sla.SlaState>? SlaStates { get; init; }

    /// <summary>An agent id, or <see cref="Unassigned"/> for tickets nobody owns.</summary>
    public string? Assignee { get; init; }

    /// <summary>Only tickets assigned to this agent or in these queues: what an occasional agent may see.</summary>
    public (string Agent, IReadOnlyList<string> Queues)? VisibleTo { get; init; }

    public string? Queue { get; init; }

    /// <summary>Only tickets whose requester's customer context has this tier, segment or region (any case).</summary>
    public string? CustomerTier { get; init; }

    public string? CustomerSegment { get; init; }

    public string? CustomerRegion { get; init; }

    public string? Tag { get; init; }

    public string? RequesterEmail { get; init; }

    /// <summary>The id the ticket had in the system it came from.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Only tickets linked to this item of another system (a Jira issue).</summary>
    public ExternalLinkKey? LinkedTo { get; init; }

    /// <summary>Full-text words; a ticket matches when one of its texts holds them all.</summary>
    public IReadOnlyList<string>? Words { get; init; }

    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedTo { get; init; }

    public TicketSort Sort { get; init; } = TicketSort.Default;

    public TicketCursor? After { get; init; }

    public int Limit { get; init; } = 50;

    /// <summary>False for customers: internal notes neither show nor match.</summary>
    public bool IncludeInternal { get; init; } = true;

    public const string Unassigned = "none";
}
