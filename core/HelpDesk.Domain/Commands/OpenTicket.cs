using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

/// <summary>Give either <see cref="Priority"/> or impact and urgency (the matrix decides), or neither (normal).</summary>
/// <param name="Queue">The queue it starts in (a mailbox's default), before any rule moves it.</param>
public sealed record OpenTicket(
    string Subject,
    string Description,
    Requester Requester,
    Channel Channel = Channel.Api,
    TicketType Type = TicketType.Question,
    string? Category = null,
    Priority? Priority = null,
    Impact? Impact = null,
    Urgency? Urgency = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyDictionary<string, string>? Fields = null,
    string? ExternalId = null,
    string? Queue = null,
    string? DescriptionHtml = null,
    IReadOnlyList<string>? Cc = null,
    IReadOnlyList<Attachment>? Attachments = null);
