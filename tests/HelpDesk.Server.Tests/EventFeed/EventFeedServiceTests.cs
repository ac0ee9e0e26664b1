using HelpDesk.TestSupport;
using System.Collections.Concurrent;
using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Storage;
using HelpDesk.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Server.Tests.EventFeed;

public sealed class EventFeedServiceTests
{
    [Fact]
    public async Task A_subscriber_in_the_hub_receives_every_event_of_every_ticket_in_order()
    {
        var subscriber = new CollectingSubscriber();
        await using var app = HelpDeskApp.Sqlite(
            new() { ["HelpDesk:EventFeed:IdlePollInterval"] = "00:01:00" },
            services => services.AddSingleton<IEventSubscriber>(subscriber));
        var client = app.Admin();

        var numbers = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            numbers.Add((await client.CreateTicketAsync()).GetProperty("number").GetInt64());
        }

        // The poll is a minute away: only the commit's signal can deliver these within the wait.
        await Eventually.TrueAsync(() => subscriber.Received.Count >= numbers.Count, TimeSpan.FromSeconds(20));

        var received = subscriber.Received.ToList();
        Assert.Equal(numbers.Order(), received.Select(e => e.Ticket).Order());
        Assert.Equal(received.Select(e => e.Position).Order(), received.Select(e => e.Position));
    }

    private sealed class CollectingSubscriber : IEventSubscriber
    {
        public ConcurrentQueue<StoredTicketEvent> Received { get; } = new();

        public string Name => "collector";

        public Task HandleAsync(StoredTicketEvent @event, int attempt, CancellationToken cancellationToken)
        {
            Received.Enqueue(@event);
            return Task.CompletedTask;
        }
    }
}
