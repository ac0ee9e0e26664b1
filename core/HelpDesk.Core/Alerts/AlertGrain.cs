using HelpDesk.Core.Storage;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Alerts;

/// <summary>
/// Applies reports about one alert key in order. The record is stored before the ticket is touched, and the ticket only
/// records what differs from it, so a crash between the two is repaired by the next report (senders retry) and never
/// opens a second ticket: a new ticket's number is in the stored record before the ticket is opened.
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
        if (_record is { Ticket: not null, TicketOpened: false } interrupted && await OpenOwnTicketAsync(interrupted, report, actor) is { } stuck)
        {
            return AlertResult.Rejected(stuck);
        }

        var plan = AlertDecider.Decide(_record, report, policy, time.GetUtcNow());
        return plan.Step switch
        {
            AlertStep.OpenTicket => await OpenAsync(plan.Record!, report, actor),
            AlertStep.UpdateTicket => await UpdateAsync(plan, report, actor),
            _ => await RepeatAsync(plan, actor),
        };
    }

    private async Task<AlertResult> OpenAsync(AlertRecord fresh, ReportAlert report, Actor actor)
    {
        if (await GrainFactory.GetGrain<IAlertSourceGrain>(report.Source).Admit(report, actor) is { } storm)
        {
            var grouped = fresh with { Ticket = storm, TicketOpened = true };
            await SaveAsync(grouped);
            return await TicketGrain(storm).RecordAlert(grouped.View(), actor) is { } refused
                ? AlertResult.Rejected(refused)
                : Result(AlertOutcome.Grouped);
        }

        var own = fresh with { Ticket = await numbers.NextAsync(CancellationToken.None), TicketOpened = false };
        await SaveAsync(own);
        return await OpenOwnTicketAsync(own, report, actor) is { } rejection ? AlertResult.Rejected(rejection) : Result(AlertOutcome.Opened);
    }

    private async Task<AlertResult> UpdateAsync(AlertPlan plan, ReportAlert report, Actor actor)
    {
        var next = plan.Record!;
        await SaveAsync(next);
        var refused = await TicketGrain(next.Ticket!.Value).RecordAlert(next.View(), actor);
        if (refused is { Kind: RejectionKind.Conflict })
        {
            // An agent closed the ticket: the record is final, so a firing starts a new ticket and anything else rests.
            var closed = next with { Ticket = null, TicketOpened = false };
            return report.Status == AlertStatus.Firing ? await OpenAsync(closed with { Occurrences = 1 }, report, actor) : await IgnoreAsync(closed);
        }

        return refused is null ? Result(plan.Outcome) : AlertResult.Rejected(refused);
    }

    // A repeated report changes nothing, but it is also the sender's retry after a failure: bring the ticket up to date.
    private async Task<AlertResult> RepeatAsync(AlertPlan plan, Actor actor)
    {
        if (plan.Outcome == AlertOutcome.Duplicate && _record is { Ticket: { } ticket })
        {
            await TicketGrain(ticket).RecordAlert(_record.View(), actor);
        }

        return Result(plan.Outcome);
    }

    private async Task<AlertResult> IgnoreAsync(AlertRecord record)
    {
        await SaveAsync(record);
        return Result(AlertOutcome.Ignored);
    }

    private async Task<Rejection?> OpenOwnTicketAsync(AlertRecord record, ReportAlert report, Actor actor)
    {
        var rejection = await TicketGrain(record.Ticket!.Value)
            .OpenForAlert(AlertTickets.ForAlert(report, policy), policy.QueueOf(report.Labels), record.View(), actor);
        if (rejection is null)
        {
            // Stored with the next change; until then a reactivated grain just finds the ticket open (OpenForAlert records instead).
            _record = record with { TicketOpened = true };
        }

        return rejection;
    }

    private async Task SaveAsync(AlertRecord record)
    {
        await store.SaveAsync(record, CancellationToken.None);
        _record = record;
    }

    private ITicketGrain TicketGrain(long number) => GrainFactory.GetGrain<ITicketGrain>(number);

    private AlertResult Result(AlertOutcome outcome) => new(outcome, _record?.Ticket, _record?.Occurrences ?? 0);
}
