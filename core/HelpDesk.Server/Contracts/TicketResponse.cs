using HelpDesk.Domain.Tickets;

namespace HelpDesk.Server.Contracts;

public sealed record TicketResponse(
    long Number,
    int Version,
    string Subject,
    string Description,
    TicketStatus Status,
    Priority Priority,
    Impact? Impact,
    Urgency? Urgency,
    Channel Channel,
    TicketType Type,
    string? Category,
    Requester Requester,
    string? Assignee,
    string? Queue,
    IReadOnlyCollection<string> Tags,
    IReadOnlyDictionary<string, string> Fields,
    string? ExternalId,
    IReadOnlyList<ExternalLink> ExternalLinks,
    IReadOnlyList<TicketAlert> Alerts,
    IReadOnlyList<TicketEscalation> Escalations,
    int PublicMessageCount,
    int? InternalNoteCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstAgentReplyAt,
    DateTimeOffset? SolvedAt,
    DateTimeOffset? ClosedAt)
{
    /// <summary>The SLA policy's clocks, for the support team (null for customers, and when no policy applies).</summary>
    public SlaResponse? Sla { get; init; }

    /// <summary>Customers do not see how many internal notes their ticket has, nor SLA clocks.</summary>
    public static TicketResponse From(TicketState t, bool forCustomer, TimeProvider? clock = null) => Columns(t, forCustomer) with
    {
        Sla = forCustomer ? null : SlaResponse.From(t, (clock ?? TimeProvider.System).GetUtcNow()),
    };

    private static TicketResponse Columns(TicketState t, bool forCustomer) => new(
        t.Number, t.Version, t.Subject, t.Description, t.Status, t.Priority, t.Impact, t.Urgency, t.Channel, t.Type, t.Category,
        t.Requester!, t.Assignee, t.Queue, t.Tags, t.Fields, t.ExternalId, t.ExternalLinks, t.Alerts, forCustomer ? [] : t.Escalations, t.PublicMessageCount,
        forCustomer ? null : t.InternalNoteCount, t.CreatedAt, t.UpdatedAt, t.FirstAgentReplyAt, t.SolvedAt, t.ClosedAt);
}
