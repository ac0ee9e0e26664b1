using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace HelpDesk.Core.Tests.Storage;

/// <summary>The event feed over this provider's log: checkpoints, retries, dead letters, replay.</summary>
public abstract partial class StoreContractTests
{
    private static readonly EventFeedOptions QuickFeed = new()
    {
        MaxAttempts = 3,
        FirstRetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(4),
        HandlerTimeout = TimeSpan.FromMilliseconds(200),
    };

    private SubscriberCheckpoints Checkpoints => new(Database, TimeProvider.System);

    [Fact]
    public async Task Checkpoints_start_at_zero_only_move_forward_and_are_kept_per_subscriber()
    {
        Assert.Equal(0, await Checkpoints.GetAsync("audit", CancellationToken.None));

        await Checkpoints.AdvanceAsync("audit", 7, CancellationToken.None);
        await Checkpoints.AdvanceAsync("audit", 3, CancellationToken.None);
        await Checkpoints.AdvanceAsync("mail", 2, CancellationToken.None);

        Assert.Equal(7, await Checkpoints.GetAsync("audit", CancellationToken.None));
        Assert.Equal(2, await Checkpoints.GetAsync("mail", CancellationToken.None));
    }

    [Fact]
    public async Task A_feed_delivers_every_event_in_order_once_and_a_new_dispatcher_resumes_after_its_checkpoint()
    {
        var tickets = new List<TicketHistory>();
        for (var i = 0; i < 3; i++)
        {
            tickets.Add(await OpenTicketAsync());
        }

        await AppendedAsync(tickets[0].Reply("first answer"));
        var (subscriber, received) = Recording("audit");

        // Three openings, then the reply and the move to open that an agent's first reply makes.
        Assert.Equal(5, await Dispatcher(subscriber).DeliverAvailableAsync(CancellationToken.None));
        await AppendedAsync(tickets[1].Note("later note"));
        Assert.Equal(1, await Dispatcher(subscriber).DeliverAvailableAsync(CancellationToken.None));

        var all = await Store.ReadAllAsync(0, 100, CancellationToken.None);
        Assert.Equal(all.Select(e => e.Position), received.Select(e => e.Position));
    }

    [Fact]
    public async Task An_event_that_keeps_failing_is_retried_then_parked_the_feed_moves_on_and_replay_delivers_it()
    {
        var ticket = await OpenTicketAsync();
        await AppendedAsync(ticket.Reply("this one breaks the handler"));
        await AppendedAsync(ticket.Update(new UpdateTicket { Status = TicketStatus.Pending }));
        var broken = true;
        var attempts = 0;
        var (subscriber, received) = Recording("flaky", e =>
        {
            if (e.Version == 2)
            {
                attempts++;
                if (broken)
                {
                    throw new InvalidOperationException("downstream said no");
                }
            }
        });
        var dispatcher = Dispatcher(subscriber);

        await dispatcher.DeliverAvailableAsync(CancellationToken.None);

        Assert.Equal(QuickFeed.MaxAttempts, attempts);
        Assert.Equal([1, 3, 4], received.Select(e => e.Version));
        var letter = Assert.Single(await Checkpoints.DeadLettersAsync("flaky", CancellationToken.None));
        Assert.Equal((ticket.Number, 2, "agent-replied", 3), (letter.Ticket, letter.Version, letter.Type, letter.Attempts));
        Assert.Contains("downstream said no", letter.Error, StringComparison.Ordinal);
        Assert.Equal(1, await Checkpoints.CountDeadLettersAsync("flaky", CancellationToken.None));

        broken = false;
        Assert.Equal(1, await dispatcher.ReplayDeadLettersAsync(CancellationToken.None));

        Assert.Equal([1, 3, 4, 2], received.Select(e => e.Version));
        Assert.Empty(await Checkpoints.DeadLettersAsync("flaky", CancellationToken.None));
        Assert.Equal(received.Max(e => e.Position), await Checkpoints.GetAsync("flaky", CancellationToken.None));
    }

    [Fact]
    public async Task A_handler_that_hangs_times_out_is_parked_and_does_not_hold_back_another_subscriber()
    {
        await OpenTicketAsync();
        await OpenTicketAsync();
        var hanging = Substitute.For<IEventSubscriber>();
        hanging.Name.Returns("hanging");
        hanging.IsAvailable.Returns(true);
        hanging.HandleAsync(Arg.Any<StoredTicketEvent>(), Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(new TaskCompletionSource().Task);
        var (healthy, received) = Recording("healthy");

        var both = await Task.WhenAll(Dispatcher(hanging).DeliverAvailableAsync(CancellationToken.None), Dispatcher(healthy).DeliverAvailableAsync(CancellationToken.None));

        Assert.Equal([2, 2], both);
        Assert.Equal(2, received.Count);
        Assert.Equal(2, (await Checkpoints.DeadLettersAsync("hanging", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_failure_that_passes_is_retried_until_it_succeeds_and_parks_nothing()
    {
        await OpenTicketAsync();
        var failures = 2;
        var (subscriber, received) = Recording("transient", _ =>
        {
            if (failures-- > 0)
            {
                throw new TimeoutException("try later");
            }
        });

        await Dispatcher(subscriber).DeliverAvailableAsync(CancellationToken.None);

        Assert.Single(received);
        Assert.Empty(await Checkpoints.DeadLettersAsync("transient", CancellationToken.None));
    }

    [Fact]
    public async Task An_outage_longer_than_all_attempts_delays_the_event_but_never_parks_it()
    {
        await OpenTicketAsync();
        var outage = QuickFeed.MaxAttempts * 3;
        var (subscriber, received) = Recording("mail-server-down", _ =>
        {
            if (outage-- > 0)
            {
                throw new DeferredDeliveryException("the SMTP server is down");
            }
        });

        await Dispatcher(subscriber).DeliverAvailableAsync(CancellationToken.None);

        Assert.Single(received);
        Assert.Empty(await Checkpoints.DeadLettersAsync("mail-server-down", CancellationToken.None));
    }

    private EventDispatcher Dispatcher(IEventSubscriber subscriber) =>
        new(subscriber, Store, Checkpoints, QuickFeed, TimeProvider.System, NullLogger.Instance);

    private static (IEventSubscriber Subscriber, List<StoredTicketEvent> Received) Recording(string name, Action<StoredTicketEvent>? behaviour = null)
    {
        var received = new List<StoredTicketEvent>();
        var subscriber = Substitute.For<IEventSubscriber>();
        subscriber.Name.Returns(name);
        subscriber.IsAvailable.Returns(true);
        subscriber.HandleAsync(Arg.Any<StoredTicketEvent>(), Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var @event = call.Arg<StoredTicketEvent>();
            behaviour?.Invoke(@event);
            lock (received)
            {
                received.Add(@event);
            }

            return Task.CompletedTask;
        });
        return (subscriber, received);
    }
}
