namespace HelpDesk.Domain.Alerts;

/// <summary>An alert as its ticket should show it; the ticket records whatever differs from what it has.</summary>
public sealed record AlertView(
    string Source,
    string DedupKey,
    AlertStatus Status,
    int Occurrences,
    AlertSeverity Severity,
    string Summary,
    DateTimeOffset LastSeenAt,
    bool Flapping,
    int RecentStateChanges);
