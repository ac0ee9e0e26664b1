using HelpDesk.Domain.Meetings;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Server.Contracts;

/// <summary>Who the requester is, from the customer context; the whole context is at <c>GET …/context</c>.</summary>
public sealed record CustomerBrief(bool Found, string? Company, string? Tier, bool Vip, string? Segment, string? Region, string? Owner, bool Stale);

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

    /// <summary>Meetings scheduled from the ticket; customers see them without the host's link.</summary>
    public IReadOnlyList<TicketMeeting> Meetings { get; init; } = [];

    /// <summary>The requester's customer context in brief, for the support team (null for customers, and before it arrives).</summary>
    public CustomerBrief? Customer { get; init; }

    /// <summary>Customers do not see how many internal notes their ticket has, nor SLA clocks.</summary>
    public static TicketResponse From(TicketState t, bool forCustomer, TimeProvider? clock = null) => Columns(t, forCustomer) with
    {
        Sla = forCustomer ? null : SlaResponse.From(t, (clock ?? TimeProvider.System).GetUtcNow()),
        Meetings = forCustomer ? [.. t.Meetings.Select(m => m.ForCustomer())] : t.Meetings,
        Customer = forCustomer || t.Customer is not { } context ? null
            : new CustomerBrief(context.Found, context.Company, context.Tier, context.Vip, context.Segment, context.Region, context.Owner, context.IsStale),
    };

    private static TicketResponse Columns(TicketState t, bool forCustomer) => new(
        t.Number, t.Version, t.Subject, t.Description, t.Status, t.Priority, t.Impact, t.Urgency, t.Channel, t.Type, t.Category,
        t.Requester!, t.Assignee, t.Queue, t.Tags, t.Fields, t.ExternalId, t.ExternalLinks, t.Alerts, forCustomer ? [] : t.Escalations, t.PublicMessageCount,
        forCustomer ? null : t.InternalNoteCount, t.CreatedAt, t.UpdatedAt, t.FirstAgentReplyAt, t.SolvedAt, t.ClosedAt);
}
