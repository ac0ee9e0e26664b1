using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>The first event of every ticket.</summary>
public sealed record TicketOpened(
    Actor Actor,
    DateTimeOffset At,
    long Number,
    string Subject,
    string Description,
    Requester Requester,
    Channel Channel,
    TicketType Type,
    string? Category,
    Priority Priority,
    Impact? Impact,
    Urgency? Urgency,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Fields,
    string? ExternalId) : TicketEvent(Actor, At);
