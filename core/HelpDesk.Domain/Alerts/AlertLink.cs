namespace HelpDesk.Domain.Alerts;

public sealed record AlertLink(string Url, string? Text);
