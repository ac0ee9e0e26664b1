namespace HelpDesk.Domain.Alerts;

/// <summary>One report from a monitoring source about the problem (<see cref="Source"/>, <see cref="DedupKey"/>).</summary>
public sealed record ReportAlert(
    string Source,
    string DedupKey,
    AlertStatus Status,
    string Summary,
    AlertSeverity Severity,
    string? Details,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<AlertLink> Links,
    DateTimeOffset? OccurredAt,
    string? OccurrenceId,
    string? Group);
