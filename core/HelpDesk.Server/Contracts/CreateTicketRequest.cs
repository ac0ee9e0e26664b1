using HelpDesk.Domain.Tickets;

namespace HelpDesk.Server.Contracts;

/// <summary>Body of <c>POST /api/v1/tickets</c>. Give <c>priority</c>, or <c>impact</c> and <c>urgency</c>, or neither.</summary>
public sealed record CreateTicketRequest
{
    public string? Subject { get; init; }

    public string? Description { get; init; }

    public RequesterBody? Requester { get; init; }

    public Channel? Channel { get; init; }

    public TicketType? Type { get; init; }

    public string? Category { get; init; }

    public Priority? Priority { get; init; }

    public Impact? Impact { get; init; }

    public Urgency? Urgency { get; init; }

    public List<string>? Tags { get; init; }

    public Dictionary<string, string>? Fields { get; init; }

    public string? ExternalId { get; init; }
}
