using System.Text.Json.Serialization;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Server.Contracts;

/// <summary>
/// Body of <c>PATCH /api/v1/tickets/{number}</c>: members left out stay as they are; <c>"assignee": null</c>
/// unassigns, so for those two members "present and null" differs from "absent".
/// </summary>
public sealed class UpdateTicketRequest
{
    private readonly string? _assignee;
    private readonly string? _queue;

    public TicketStatus? Status { get; init; }

    public Priority? Priority { get; init; }

    public Impact? Impact { get; init; }

    public Urgency? Urgency { get; init; }

    public string? Assignee
    {
        get => _assignee;
        init => (_assignee, AssigneeGiven) = (value, true);
    }

    public string? Queue
    {
        get => _queue;
        init => (_queue, QueueGiven) = (value, true);
    }

    public List<string>? Tags { get; init; }

    public List<string>? AddTags { get; init; }

    public List<string>? RemoveTags { get; init; }

    /// <summary>Merged into the ticket's fields; a null value removes the field.</summary>
    public Dictionary<string, string?>? Fields { get; init; }

    [JsonIgnore]
    public bool AssigneeGiven { get; private init; }

    [JsonIgnore]
    public bool QueueGiven { get; private init; }
}
