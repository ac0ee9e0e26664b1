namespace HelpDesk.Domain.Alerts;

/// <summary>
/// Decides what one report does to its alert's record. Pure; the alert's grain serialises reports per key, supplies
/// the time, stores the record and carries the result to the ticket.
/// </summary>
public static class AlertDecider
{
    public static AlertPlan Decide(AlertRecord? record, ReportAlert report, AlertPolicy policy, DateTimeOffset now)
    {
        if (record is not null && report.OccurrenceId is { } id && record.RecentOccurrences.Contains(id, StringComparer.Ordinal))
        {
            return new AlertPlan(AlertStep.None, AlertOutcome.Duplicate, record);
        }

        return report.Status switch
        {
            AlertStatus.Firing => Fire(record, report, policy, now),
            AlertStatus.Acknowledged => Acknowledge(record, report, now),
            _ => Resolve(record, report, policy, now),
        };
    }

    /// <summary>
    /// A flapping alert that has gone quiet settles: once its changes have left the window it is no longer flapping, so
    /// its ticket catches up with its last state (a resolved alert's ticket is then solved). Nothing for any other alert.
    /// </summary>
    public static AlertPlan Settle(AlertRecord record, AlertPolicy policy, DateTimeOffset now) =>
        record is { Flapping: true, Ticket: not null } && !IsFlapping(record.StateChanges, now, policy)
            ? new AlertPlan(AlertStep.UpdateTicket, record.Status == AlertStatus.Resolved ? AlertOutcome.Resolved : AlertOutcome.Occurred, record with { Flapping = false })
            : new AlertPlan(AlertStep.None, AlertOutcome.Ignored, record);

    private static AlertPlan Fire(AlertRecord? record, ReportAlert report, AlertPolicy policy, DateTimeOffset now)
    {
        var seenAt = report.OccurredAt ?? now;
        var episodeOver = record?.Status == AlertStatus.Resolved && now - record.ResolvedAt > policy.ReopenWindow;
        if (record?.Ticket is null || episodeOver)
        {
            var fresh = new AlertRecord(
                report.Source, report.DedupKey, Ticket: null, AlertStatus.Firing, Occurrences: 1,
                report.Severity, report.Summary, seenAt, seenAt, ResolvedAt: null, Flapping: false, StateChanges: [],
                Remember([], report.OccurrenceId));
            return new AlertPlan(AlertStep.OpenTicket, AlertOutcome.Opened, fresh);
        }

        var wasResolved = record.Status == AlertStatus.Resolved;
        var changes = wasResolved ? Changed(record.StateChanges, now, policy) : record.StateChanges;
        var next = record with
        {
            Status = AlertStatus.Firing,
            Occurrences = record.Occurrences + 1,
            Severity = report.Severity,
            Summary = report.Summary,
            LastSeenAt = Later(record.LastSeenAt, seenAt),
            ResolvedAt = null,
            StateChanges = changes,
            Flapping = IsFlapping(changes, now, policy),
            RecentOccurrences = Remember(record.RecentOccurrences, report.OccurrenceId),
        };
        return new AlertPlan(AlertStep.UpdateTicket, wasResolved ? AlertOutcome.Reopened : AlertOutcome.Occurred, next);
    }

    private static AlertPlan Acknowledge(AlertRecord? record, ReportAlert report, DateTimeOffset now)
    {
        if (record?.Ticket is null || record.Status == AlertStatus.Resolved)
        {
            return new AlertPlan(AlertStep.None, AlertOutcome.Ignored, record);
        }

        if (record.Status == AlertStatus.Acknowledged)
        {
            return new AlertPlan(AlertStep.None, AlertOutcome.Duplicate, record);
        }

        var next = record with
        {
            Status = AlertStatus.Acknowledged,
            LastSeenAt = Later(record.LastSeenAt, report.OccurredAt ?? now),
            RecentOccurrences = Remember(record.RecentOccurrences, report.OccurrenceId),
        };
        return new AlertPlan(AlertStep.UpdateTicket, AlertOutcome.Acknowledged, next);
    }

    private static AlertPlan Resolve(AlertRecord? record, ReportAlert report, AlertPolicy policy, DateTimeOffset now)
    {
        if (record?.Ticket is null || record.Status == AlertStatus.Resolved)
        {
            return new AlertPlan(AlertStep.None, AlertOutcome.Ignored, record);
        }

        var changes = Changed(record.StateChanges, now, policy);
        var next = record with
        {
            Status = AlertStatus.Resolved,
            LastSeenAt = Later(record.LastSeenAt, report.OccurredAt ?? now),
            ResolvedAt = now,
            StateChanges = changes,
            Flapping = IsFlapping(changes, now, policy),
            RecentOccurrences = Remember(record.RecentOccurrences, report.OccurrenceId),
        };
        return new AlertPlan(AlertStep.UpdateTicket, AlertOutcome.Resolved, next);
    }

    // Only changes inside the window matter, and never more of them than it takes to call the alert flapping.
    private static IReadOnlyList<DateTimeOffset> Changed(IReadOnlyList<DateTimeOffset> changes, DateTimeOffset now, AlertPolicy policy) =>
        [.. changes.Where(at => now - at < policy.FlapWindow).Append(now).TakeLast(Math.Max(policy.FlapThreshold, 1))];

    private static bool IsFlapping(IReadOnlyList<DateTimeOffset> changes, DateTimeOffset now, AlertPolicy policy) =>
        policy.FlapThreshold > 0 && changes.Count(at => now - at < policy.FlapWindow) >= policy.FlapThreshold;

    private static IReadOnlyList<string> Remember(IReadOnlyList<string> recent, string? occurrenceId) =>
        occurrenceId is null ? recent : [.. recent.Append(occurrenceId).TakeLast(AlertRecord.RememberedOccurrences)];

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
