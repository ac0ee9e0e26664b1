using HelpDesk.Core.Storage;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Alerts;

/// <summary>
/// Applies reports about one alert key in order. The ticket's grain stores the alert's record in the same transaction
/// as the ticket's events, so a crash leaves either both or neither: a sender's retry then finds the ticket it opened,
/// or opens it for the first time, never a second one.
/// </summary>
public sealed class AlertGrain(AlertStore store, TicketNumberAllocator numbers, AlertPolicy policy, TimeProvider time) : Grain, IAlertGrain
{
    private AlertRecord? _record;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (source, dedupKey) = AlertKeys.Parse(this.GetPrimaryKeyString());
        _record = await store.FindAsync(source, dedupKey, cancellationToken);
    }

    public async Task<AlertResult> Report(ReportAlert report, Actor actor)
    {
        if (AlertInput.Check(report) is { } problem)
        {
            return AlertResult.Rejected(problem);
        }

        report = AlertInput.Normalise(report);
        var plan = AlertDecider.Decide(_record, report, policy, time.GetUtcNow());
        return plan.Step switch
        {
            AlertStep.OpenTicket => await OpenAsync(plan.Record!, report, actor),
            AlertStep.UpdateTicket => await UpdateAsync(plan, report, actor),
            _ => Result(plan.Outcome),
        };
    }

    public async Task Settle(Actor actor)
    {
        if (_record is not null && AlertDecider.Settle(_record, policy, time.GetUtcNow()) is { Step: AlertStep.UpdateTicket, Record: { } settled }
            && await TicketGrain(settled.Ticket!.Value).RecordAlert(settled, actor) is null)
        {
            _record = settled;
        }
    }

    private async Task<AlertResult> OpenAsync(AlertRecord fresh, ReportAlert report, Actor actor)
    {
        if (await GrainFactory.GetGrain<IAlertSourceGrain>(report.Source).Admit(report, actor) is { } storm)
        {
            var grouped = fresh with { Ticket = storm };
            return await Stored(grouped, TicketGrain(storm).RecordAlert(grouped, actor), AlertOutcome.Grouped);
        }

        var own = fresh with { Ticket = await numbers.NextAsync(CancellationToken.None) };
        return await Stored(
            own,
            TicketGrain(own.Ticket.Value).OpenForAlert(AlertTickets.ForAlert(report, policy), policy.QueueOf(report.Labels), own, actor),
            AlertOutcome.Opened);
    }

    private async Task<AlertResult> UpdateAsync(AlertPlan plan, ReportAlert report, Actor actor)
    {
        var next = plan.Record!;
        var refused = await TicketGrain(next.Ticket!.Value).RecordAlert(next, actor);
        if (refused is { Kind: RejectionKind.Conflict })
        {
            // An agent closed the ticket: it is final, so a firing starts a new ticket and anything else leaves the alert on none.
            var closed = next with { Ticket = null };
            if (report.Status == AlertStatus.Firing)
            {
                return await OpenAsync(closed with { Occurrences = 1 }, report, actor);
            }

            await store.SaveAsync(closed, CancellationToken.None);
            _record = closed;
            return Result(AlertOutcome.Ignored);
        }

        return refused is null ? Remember(next, plan.Outcome) : AlertResult.Rejected(refused);
    }

    private async Task<AlertResult> Stored(AlertRecord record, Task<Rejection?> write, AlertOutcome outcome) =>
        await write is { } rejection ? AlertResult.Rejected(rejection) : Remember(record, outcome);

    private AlertResult Remember(AlertRecord record, AlertOutcome outcome)
    {
        _record = record;
        return Result(outcome);
    }

    private ITicketGrain TicketGrain(long number) => GrainFactory.GetGrain<ITicketGrain>(number);

    private AlertResult Result(AlertOutcome outcome) => new(outcome, _record?.Ticket, _record?.Occurrences ?? 0);
}
