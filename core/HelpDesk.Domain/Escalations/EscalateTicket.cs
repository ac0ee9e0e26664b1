namespace HelpDesk.Domain.Escalations;

/// <summary>
/// Asks for the ticket to be escalated to a tracker (<paramref name="Target"/>, a plugin's escalation target such as
/// <c>jira</c>): a new issue there, or, with <paramref name="LinkKey"/>, an existing one linked instead.
/// </summary>
/// <param name="Id">Identifies this escalation across retries; the tracker sees it as the create's idempotency key.</param>
public sealed record EscalateTicket(
    string Id,
    string Target,
    string? Project = null,
    string? IssueType = null,
    string? Summary = null,
    string? Note = null,
    string? LinkKey = null);
