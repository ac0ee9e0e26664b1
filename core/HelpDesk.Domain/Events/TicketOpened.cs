using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>The first event of every ticket.</summary>
/// <param name="ExternalId">Its id where it came from; for an email, the Message-ID of the message that opened it.</param>
/// <param name="DescriptionHtml">The description's HTML, already sanitised, when the message had one.</param>
/// <param name="Cc">Who else the customer wrote to, lower-case: they hear about the ticket as the requester does.</param>
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
    string? ExternalId,
    string? DescriptionHtml = null,
    IReadOnlyList<string>? Cc = null,
    IReadOnlyList<Attachment>? Attachments = null) : TicketEvent(Actor, At);
