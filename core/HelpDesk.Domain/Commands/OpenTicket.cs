using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

/// <summary>Give either <see cref="Priority"/> or impact and urgency (the matrix decides), or neither (normal).</summary>
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
    string? ExternalId = null);
