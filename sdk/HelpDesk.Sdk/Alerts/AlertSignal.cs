namespace HelpDesk.Sdk.Alerts;

/// <summary>
/// One report from a monitoring system about one problem, for <see cref="IHelpDeskApi.ReportAlertAsync"/>. The hub keeps
/// one ticket per (<see cref="Source"/>, <see cref="DedupKey"/>) however often the problem fires, and decides what each
/// report does to it. Optional members may be added over time.
/// </summary>
/// <param name="Source">
/// The sending system or integration as configured (<c>alertmanager</c>, <c>grafana</c>, a PagerDuty-style routing key);
/// it scopes the dedup key, names the ticket's requester and is what the storm guard counts per. 1–128 characters.
/// </param>
/// <param name="DedupKey">Identifies the problem within the source (Alertmanager's fingerprint, a <c>dedup_key</c>). 1–255 characters.</param>
/// <param name="Status">Whether the problem is happening, was acknowledged there, or is over.</param>
/// <param name="Summary">One line saying what is wrong; becomes the ticket's subject (longer text is cut).</param>
public sealed record AlertSignal(string Source, string DedupKey, AlertStatus Status, string Summary)
{
    /// <summary>How bad it is; the hub maps it to a ticket priority through its configured severity map.</summary>
    public AlertSeverity Severity { get; init; } = AlertSeverity.Warning;

    /// <summary>Longer text (plain or Markdown), shown in the ticket's description.</summary>
    public string? Details { get; init; }

    /// <summary>The alert's labels (<c>service</c>, <c>team</c>, <c>instance</c>): shown as a table, and used to pick the ticket's queue.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Runbook, dashboard and source links, shown on the ticket.</summary>
    public IReadOnlyList<AlertLink> Links { get; init; } = [];

    /// <summary>When it happened at the source; null means when the hub received it.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>
    /// Identifies this report, when the sender repeats reports (Alertmanager re-sends the same notification; derive it
    /// from status and start/end times). A report whose id the hub has already seen for this alert changes nothing.
    /// Null means every report counts, as PagerDuty-style triggers do.
    /// </summary>
    public string? OccurrenceId { get; init; }

    /// <summary>The sender's grouping of related alerts (Alertmanager's <c>groupKey</c>, a Grafana rule), shown on the ticket.</summary>
    public string? Group { get; init; }
}
