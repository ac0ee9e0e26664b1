using HelpDesk.Domain.Alerts;

namespace HelpDesk.Domain.Tickets;

/// <summary>An alert as its ticket knows it.</summary>
public sealed record TicketAlert(
    string Source,
    string DedupKey,
    AlertStatus Status,
    int Occurrences,
    AlertSeverity Severity,
    string Summary,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    bool Flapping)
{
    public bool Is(string source, string dedupKey) =>
        string.Equals(Source, source, StringComparison.Ordinal) && string.Equals(DedupKey, dedupKey, StringComparison.Ordinal);
}
