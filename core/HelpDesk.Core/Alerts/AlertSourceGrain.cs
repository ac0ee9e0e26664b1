using HelpDesk.Core.Queries;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Alerts;

/// <summary>
/// The storm guard of one source. Arrivals of new alerts are counted over a sliding window in memory: after a restart
/// the count starts again, which only delays grouping by one window. The storm incident itself is a ticket, found
/// again by its external id, so alerts keep joining the same one across restarts until it is solved.
/// </summary>
public sealed class AlertSourceGrain(TicketCommands commands, TicketQueries queries, AlertPolicy policy, TimeProvider time) : Grain, IAlertSourceGrain
{
    private readonly Queue<DateTimeOffset> _arrivals = new();
    private long? _storm;
    private bool _stormLookedUp;

    public async Task<long?> Admit(ReportAlert report, Actor actor)
    {
        var now = time.GetUtcNow();
        while (_arrivals.TryPeek(out var oldest) && now - oldest >= policy.StormWindow)
        {
            _arrivals.Dequeue();
        }

        _arrivals.Enqueue(now);
        return _arrivals.Count <= policy.StormThreshold ? null : await StormIncidentAsync(report, actor);
    }

    private async Task<long> StormIncidentAsync(ReportAlert report, Actor actor)
    {
        if (!_stormLookedUp)
        {
            var page = await queries.ListAsync(new TicketQuery { ExternalId = AlertTickets.StormExternalId(report.Source), Limit = 1 }, CancellationToken.None);
            _storm = page.Items.Count > 0 ? page.Items[0].Number : null;
            _stormLookedUp = true;
        }

        if (_storm is { } current && await GrainFactory.GetGrain<ITicketGrain>(current).GetStatus() is { } status && status is not (TicketStatus.Solved or TicketStatus.Closed))
        {
            return current;
        }

        var opened = await commands.OpenAsync(AlertTickets.ForStorm(report, policy), actor, idempotencyKey: null, requestHash: null, CancellationToken.None);
        _storm = opened.Ticket?.Number
            ?? throw new InvalidOperationException($"The storm incident for {report.Source} could not be opened: {opened.Rejection?.Message}");
        return _storm.Value;
    }
}
