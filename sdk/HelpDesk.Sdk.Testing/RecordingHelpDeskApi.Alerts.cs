using HelpDesk.Domain.Alerts;
using HelpDesk.Sdk.Alerts;
using AlertOutcome = HelpDesk.Sdk.Alerts.AlertOutcome;

namespace HelpDesk.Sdk.Testing;

/// <summary>
/// Alert reports, decided by the hub's own alert rules with their default settings: one ticket per (source, key),
/// repeats counted, a repeated occurrence id ignored, resolution noted and solving the ticket, a firing within the
/// reopen window reopening it. Unlike the hub, the fake never groups a storm into one incident.
/// </summary>
public sealed partial class RecordingHelpDeskApi
{
    private static readonly AlertPolicy AlertRules = new();
    private readonly List<AlertSignal> _alerts = [];
    private readonly Dictionary<(string Source, string Key), AlertRecord> _alertRecords = [];

    /// <summary>Every alert signal reported, in order, refused and duplicate ones included.</summary>
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

    private AlertReport ReportAlert(AlertSignal signal)
    {
        _alerts.Add(signal);
        var report = SdkMapping.ToCommand(signal);
        if (AlertInput.Check(report) is { } problem)
        {
            throw SdkMapping.ToException(problem);
        }

        report = AlertInput.Normalise(report);
        _alertRecords.TryGetValue((report.Source, report.DedupKey), out var known);
        var now = _timeProvider.GetUtcNow();
        var plan = AlertDecider.Decide(known, report, AlertRules, now);
        var record = plan.Step switch
        {
            AlertStep.OpenTicket => OpenAlertTicket(plan.Record!, report, now),
            AlertStep.UpdateTicket => UpdateAlertTicket(plan.Record!, report, now),
            _ => known,
        };
        if (record is not null)
        {
            _alertRecords[(report.Source, report.DedupKey)] = record;
        }

        var outcome = plan.Step == AlertStep.UpdateTicket && record?.Ticket != known?.Ticket ? Domain.Alerts.AlertOutcome.Opened : plan.Outcome;
        return new AlertReport(SdkMapping.ToSdk(outcome), record?.Ticket, record?.Occurrences ?? 0);
    }

    private AlertRecord OpenAlertTicket(AlertRecord fresh, ReportAlert report, DateTimeOffset now)
    {
        var command = AlertTickets.ForAlert(report, AlertRules);
        var ticket = new TicketRecord(command.Fields ?? new Dictionary<string, string>());
        var opened = fresh with { Ticket = _tickets.Count + 1 };
        ticket.Apply(Decider.OpenForAlert(ticket.State, opened.Ticket.Value, command, AlertRules.QueueOf(report.Labels), opened.View(), AlertRules, Plugin, now));
        _tickets.Add(ticket);
        return opened;
    }

    private AlertRecord UpdateAlertTicket(AlertRecord next, ReportAlert report, DateTimeOffset now)
    {
        var ticket = Existing(next.Ticket!.Value);
        var decision = Domain.Commands.TicketDecider.RecordAlert(ticket.State, next.View(), AlertRules, Plugin, now);
        if (decision.Rejection is { Kind: Domain.Commands.RejectionKind.Conflict })
        {
            // Closed by an agent: as in the hub, a firing opens a new ticket and anything else leaves the alert on none.
            return report.Status == Domain.Alerts.AlertStatus.Firing
                ? OpenAlertTicket(next with { Occurrences = 1 }, report, now)
                : next with { Ticket = null };
        }

        ticket.Apply(decision);
        return next;
    }
}
