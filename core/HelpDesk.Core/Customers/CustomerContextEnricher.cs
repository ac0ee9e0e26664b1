using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Customers;

/// <summary>
/// Gives each new ticket its requester's customer context, from the durable event feed, never on the create request:
/// the ticket is written (and answered) before any provider is asked. A provider that is down makes the context stale
/// (<see cref="StaleContextRefresh"/> asks again later); it never holds the ticket back.
/// </summary>
public sealed class CustomerContextEnricher(CustomerContexts contexts, TicketCommands commands) : IEventSubscriber
{
    public static readonly Actor Enricher = new(ActorKind.System, "customer-context", "Customer context");

    public string Name => "customer-context";

    public async Task HandleAsync(StoredTicketEvent @event, int attempt, CancellationToken cancellationToken)
    {
        if (@event.Event is TicketOpened { Requester.Email: { } email })
        {
            await RecordAsync(@event.Ticket, email, refresh: false, cancellationToken);
        }
    }

    /// <summary>Looks the requester up (or takes the cached context) and records it on the ticket if it says something new.</summary>
    public async Task RecordAsync(long ticket, string email, bool refresh, CancellationToken cancellationToken)
    {
        var context = await contexts.GetAsync(email, refresh, cancellationToken);
        // With no provider running there is nothing to say; an event per ticket saying so would only be noise.
        if (context.Sources.Count > 0)
        {
            await commands.RecordCustomerContextAsync(ticket, context, Enricher);
        }
    }
}
