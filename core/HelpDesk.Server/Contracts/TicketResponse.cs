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
    /// <summary>Customers do not see how many internal notes their ticket has.</summary>
    public static TicketResponse From(TicketState t, bool forCustomer) => new(
        t.Number, t.Version, t.Subject, t.Description, t.Status, t.Priority, t.Impact, t.Urgency, t.Channel, t.Type, t.Category,
        t.Requester!, t.Assignee, t.Queue, t.Tags, t.Fields, t.ExternalId, t.ExternalLinks, t.Alerts, forCustomer ? [] : t.Escalations, t.PublicMessageCount,
        forCustomer ? null : t.InternalNoteCount, t.CreatedAt, t.UpdatedAt, t.FirstAgentReplyAt, t.SolvedAt, t.ClosedAt);
}
