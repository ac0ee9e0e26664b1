using System.Threading.Channels;
using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Events;
using Actor = HelpDesk.Domain.Tickets.Actor;
using ActorKind = HelpDesk.Domain.Tickets.ActorKind;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Customers;

/// <summary>
/// Gives each new ticket its requester's customer context, from the durable event feed, never on the create request:
/// the ticket is written (and answered) before any provider is asked. Lookups run
/// <see cref="CustomerContextOptions.LookupConcurrency"/> at a time beside the feed, so a burst of tickets from new
/// customers waits on the providers in parallel rather than one by one; the feed waits only when that many are
/// queued. A lookup lost to a crash or shutdown is made by <see cref="StaleContextRefresh"/>, which also asks again for
/// contexts a failing provider left stale.
/// </summary>
public sealed class CustomerContextEnricher(
    CustomerContexts contexts, TicketCommands commands, IOptions<CustomerContextOptions> options, TimeProvider time, ILogger<CustomerContextEnricher> logger)
    : BackgroundService, IEventSubscriber
{
    public static readonly Actor Enricher = new(ActorKind.System, "customer-context", "Customer context");

    private readonly Channel<(long Ticket, string Email)> _lookups = System.Threading.Channels.Channel.CreateBounded<(long, string)>(new BoundedChannelOptions(1_000));

    public string Name => "customer-context";

    public async Task HandleAsync(StoredTicketEvent @event, int attempt, CancellationToken cancellationToken)
    {
        // A hub upgraded to this feature replays its whole log to this new subscriber: tickets opened long ago are left to
        // the refresh job, which looks up only those still open, a few hundred a minute, instead of asking the CRM about all.
        if (@event.Event is TicketOpened { Requester.Email: { } email } opened && opened.At > time.GetUtcNow() - TimeSpan.FromDays(1))
        {
            await _lookups.Writer.WriteAsync((@event.Ticket, email), cancellationToken);
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

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.LookupConcurrency)).Select(_ => LookUpQueuedAsync(stoppingToken)));

    private async Task LookUpQueuedAsync(CancellationToken stoppingToken)
    {
        await foreach (var (ticket, email) in _lookups.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RecordAsync(ticket, email, refresh: false, stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(error, "Recording the customer context of ticket {Ticket} failed; the refresh job tries again", ticket);
            }
        }
    }
}
