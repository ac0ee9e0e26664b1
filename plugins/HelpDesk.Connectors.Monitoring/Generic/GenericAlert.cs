namespace HelpDesk.Connectors.Monitoring.Generic;

/// <summary>
/// The generic form, for senders with no format of their own (scripts, cron jobs, in-house tools); documented in the
/// README. A body is one of these or an array of them.
/// </summary>
internal sealed class GenericAlert
{
    public string? Source { get; init; }
    public string? DedupKey { get; init; }
    public string? Status { get; init; }
    public string? Severity { get; init; }
    public string? Summary { get; init; }
    public string? Details { get; init; }
    public Dictionary<string, string?>? Labels { get; init; }
    public List<GenericLink?>? Links { get; init; }
    public string? OccurredAt { get; init; }
    public string? OccurrenceId { get; init; }
}

internal sealed class GenericLink
{
    public string? Url { get; init; }
    public string? Text { get; init; }
}
