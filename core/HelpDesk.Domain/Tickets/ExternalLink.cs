namespace HelpDesk.Domain.Tickets;

/// <summary>An issue in another system (Jira, GitHub…) that this ticket is linked to.</summary>
public sealed record ExternalLink(string System, string Key, string? Url);
