using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

/// <summary>
/// A partial update: every null member means "leave as is". Tags may be replaced whole or edited;
/// a field set to null is removed.
/// </summary>
public sealed record UpdateTicket
{
    public TicketStatus? Status { get; init; }

    public Priority? Priority { get; init; }

    public Impact? Impact { get; init; }

    public Urgency? Urgency { get; init; }

    public Change<string?>? Assignee { get; init; }

    public Change<string?>? Queue { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public IReadOnlyList<string>? AddTags { get; init; }

    public IReadOnlyList<string>? RemoveTags { get; init; }

    public IReadOnlyDictionary<string, string?>? Fields { get; init; }

    /// <summary>Why automation made the change (routing, a rule), recorded on the events it causes.</summary>
    public string? Reason { get; init; }
}
