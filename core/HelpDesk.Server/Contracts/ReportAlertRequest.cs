using HelpDesk.Domain.Alerts;

namespace HelpDesk.Server.Contracts;

/// <summary>
/// One report from a monitoring system, for systems that call the REST API directly rather than through a connector
/// plugin. The same rules apply as to plugins' reports (<c>IHelpDeskApi.ReportAlertAsync</c>).
/// </summary>
public sealed record ReportAlertRequest(
    string? Source,
    string? DedupKey,
    AlertStatus? Status,
    string? Summary,
    AlertSeverity? Severity,
    string? Details,
    IReadOnlyDictionary<string, string>? Labels,
    IReadOnlyList<AlertLinkBody>? Links,
    DateTimeOffset? OccurredAt,
    string? OccurrenceId,
    string? Group);

public sealed record AlertLinkBody(string? Url, string? Text);
