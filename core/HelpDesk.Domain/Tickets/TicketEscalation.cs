using HelpDesk.Domain.Escalations;

namespace HelpDesk.Domain.Tickets;

/// <summary>An escalation of the ticket as the ticket knows it, with what was asked for (so a retry can ask again).</summary>
public sealed record TicketEscalation(
    string Id,
    string Target,
    EscalationState State,
    DateTimeOffset RequestedAt,
    string? Key = null,
    string? Url = null,
    string? LastError = null)
{
    public string? Project { get; init; }

    public string? IssueType { get; init; }

    public string? Summary { get; init; }

    public string? Note { get; init; }

    /// <summary>The existing issue to link instead of creating one.</summary>
    public string? LinkKey { get; init; }

    /// <summary>Who asked, by name.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>Notes for the issue the tracker has not taken yet, oldest first.</summary>
    public IReadOnlyList<EscalationNote> PendingNotes { get; init; } = [];

    /// <summary>How many notes reached the issue.</summary>
    public int DeliveredNotes { get; init; }

    public bool InFlight => State is EscalationState.Requested or EscalationState.Failing;
}
