namespace HelpDesk.Domain.Alerts;

/// <summary>
/// What the hub knows about one alert key, kept by its grain. It is stored in the same transaction as what its ticket
/// records, so the two never disagree after a crash. <see cref="Ticket"/> is the ticket it is on (its own or a storm
/// incident); null when its ticket was closed under it.
/// </summary>
public sealed record AlertRecord(
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
    bool Flapping,
    IReadOnlyList<DateTimeOffset> StateChanges,
    IReadOnlyList<string> RecentOccurrences)
{
    /// <summary>How many report ids are remembered for duplicate detection: senders repeat recent notifications, not old ones.</summary>
    public const int RememberedOccurrences = 32;

    /// <summary>What the ticket should show about this alert.</summary>
    public AlertView View() =>
        new(Source, DedupKey, Status, Occurrences, Severity, Summary, LastSeenAt, Flapping, StateChanges.Count);
}
