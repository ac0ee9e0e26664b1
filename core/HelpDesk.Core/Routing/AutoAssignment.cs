using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Routing;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Routing;

/// <summary>
/// Gives a ticket that lands in a queue without an agent (opened there, or moved there unassigned) to an agent by the
/// queue's strategy. Runs from the durable event feed, so an assignment that failed (the store was down) is retried
/// and none is lost; it reads the ticket's current state, so a replayed or stale event assigns nothing twice.
/// </summary>
public sealed class AutoAssignment(IGrainFactory grains, TicketQueries queries) : IEventSubscriber
{
    public string Name => "routing";

    public async Task HandleAsync(StoredTicketEvent @event, int attempt, CancellationToken cancellationToken)
    {
        if (@event.Event is not (TicketOpened or Assigned { Assignee: null, Queue: not null }))
        {
            return;
        }

        if (await queries.GetAsync(@event.Ticket, cancellationToken) is not { Assignee: null, Queue: { } queue } ticket
            || ticket.Status is TicketStatus.Solved or TicketStatus.Closed)
        {
            return;
        }

        await grains.GetGrain<IQueueGrain>(queue).Assign(ticket.Number, new RoutingRequest(ticket.Requester?.Language, []));
    }
}
