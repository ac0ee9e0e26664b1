using HelpDesk.Domain.Alerts;

namespace HelpDesk.Server.Contracts;

public sealed record AlertResponse(
    string Source,
    string DedupKey,
    long? Ticket,
    AlertStatus Status,
    int Occurrences,
    AlertSeverity Severity,
    string Summary,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset? ResolvedAt,
    bool Flapping)
{
    public static AlertResponse From(AlertRecord a) => new(
        a.Source, a.DedupKey, a.Ticket, a.Status, a.Occurrences, a.Severity, a.Summary, a.FirstSeenAt, a.LastSeenAt, a.ResolvedAt, a.Flapping);
}

/// <summary>What a report did: <c>opened</c>, <c>occurred</c>, <c>reopened</c>, <c>grouped</c>, … and the ticket the alert is on.</summary>
public sealed record AlertReportResponse(AlertOutcome Outcome, long? Ticket, int Occurrences);
