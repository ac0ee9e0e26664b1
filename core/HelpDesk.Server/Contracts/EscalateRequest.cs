namespace HelpDesk.Server.Contracts;

/// <summary>
/// Body of <c>POST /api/v1/tickets/{number}/escalations</c>: a new issue in <c>target</c> (a plugin's escalation target,
/// such as <c>jira</c>), or with <c>link</c> an existing issue linked instead.
/// </summary>
public sealed record EscalateRequest(string? Target, string? Project, string? IssueType, string? Summary, string? Note, string? Link);
