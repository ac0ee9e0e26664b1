using HelpDesk.Sdk.Alerts;

namespace HelpDesk.Sdk.Testing;

/// <summary>Alert reports: recorded as given, so a connector's test can assert what it made of a monitoring payload.</summary>
public sealed partial class RecordingHelpDeskApi
{
    private readonly List<AlertSignal> _alerts = [];
    private readonly Dictionary<(string Source, string Key), (long Ticket, int Count, AlertStatus Status, HashSet<string> Seen)> _alertKeys = [];

    /// <summary>Every alert signal reported, in order, duplicates included.</summary>
    public IReadOnlyList<AlertSignal> ReportedAlerts
    {
        get
        {
            lock (_gate)
            {
                return [.. _alerts];
            }
        }
    }

    /// <inheritdoc/>
    public Task<AlertReport> ReportAlertAsync(AlertSignal signal, CancellationToken cancellationToken) =>
        Record(nameof(ReportAlertAsync), [signal], () => ReportAlert(signal), cancellationToken);

    // A first cut of the hub's alert rules: one ticket per key, repeats counted, duplicates by occurrence id ignored.
    private AlertReport ReportAlert(AlertSignal signal)
    {
        _alerts.Add(signal);
        var key = (signal.Source, signal.DedupKey);
        if (!_alertKeys.TryGetValue(key, out var known))
        {
            if (signal.Status != AlertStatus.Firing)
            {
                return new AlertReport(AlertOutcome.Ignored, null, 0);
            }

            var ticket = Open(new Tickets.NewTicket(signal.Summary, signal.Details ?? signal.Summary, new Tickets.Customer($"{signal.Source}@monitoring.invalid")));
            _alertKeys[key] = (ticket.Number, 1, AlertStatus.Firing, signal.OccurrenceId is { } id ? [id] : []);
            return new AlertReport(AlertOutcome.Opened, ticket.Number, 1);
        }

        if (signal.OccurrenceId is { } occurrence && !known.Seen.Add(occurrence))
        {
            return new AlertReport(AlertOutcome.Duplicate, known.Ticket, known.Count);
        }

        var count = signal.Status == AlertStatus.Firing ? known.Count + 1 : known.Count;
        _alertKeys[key] = known with { Count = count, Status = signal.Status };
        var outcome = signal.Status switch
        {
            AlertStatus.Firing => AlertOutcome.Occurred,
            AlertStatus.Acknowledged => AlertOutcome.Acknowledged,
            _ => AlertOutcome.Resolved,
        };
        return new AlertReport(outcome, known.Ticket, count);
    }
}
