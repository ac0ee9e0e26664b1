using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>News from a linked issue in another system: its new status, a comment, its new address.</summary>
public sealed record ExternalIssueUpdated(
    Actor Actor,
    DateTimeOffset At,
    string System,
    string Key,
    string? Status = null,
    bool? Resolved = null,
    string? Comment = null,
    string? Author = null,
    string? Url = null,
    string? UpdateId = null) : TicketEvent(Actor, At);
