namespace HelpDesk.Domain.Tickets;

/// <summary>An issue in another system (Jira, GitHub…) that this ticket is linked to, with its last reported status.</summary>
public sealed record ExternalLink(string System, string Key, string? Url, string? Status = null);
