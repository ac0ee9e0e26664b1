namespace HelpDesk.Domain.Alerts;

/// <summary>
/// What the hub knows about one alert key, kept by its grain and stored after every change. <see cref="Ticket"/> is
/// the ticket it is on (its own or a storm incident); <see cref="TicketOpened"/> is false between reserving a new
/// ticket's number and opening it, so a crash in between is finished by the next report rather than opening another.
/// </summary>
public sealed record AlertRecord(
    string Source,
    string DedupKey,
    long? Ticket,
    bool TicketOpened,
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
