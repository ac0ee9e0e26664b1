using HelpDesk.TestSupport;
using System.Collections.Concurrent;
using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Storage;
using HelpDesk.Core.Tests.Tickets;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Core.Tests.EventFeed;

/// <summary>Two silos over one store, each with its own instance of the same subscriber, as a scaled-out hub has.</summary>
public sealed class ClusterFeedTests(ClusterFeedTests.TwoSilos cluster) : IClassFixture<ClusterFeedTests.TwoSilos>
{
    [Fact]
    public async Task In_a_two_silo_cluster_each_event_reaches_a_subscriber_from_one_silo_once()
    {
        // Written through both silos at once, so both silos' commit signals ring.
        var commands = cluster.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<TicketCommands>()).ToList();
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => OpenTicketAsync(commands[i % commands.Count])));
        var head = await cluster.Store.LastPositionAsync(CancellationToken.None);
        var checkpoints = cluster.SiloService<SubscriberCheckpoints>();

        await Eventually.TrueAsync(async () => await checkpoints.GetAsync(Counter.SubscriberName, CancellationToken.None) >= head, TimeSpan.FromSeconds(20));

        // A second feed would be polling every 10 ms; give it many chances to deliver again.
        await Task.Delay(500);
        var bySilo = cluster.Counters.Select(c => c.Positions.ToList()).ToList();
        Assert.Equal(2, bySilo.Count);
        Assert.Single(bySilo, positions => positions.Count > 0);
        var delivered = bySilo.SelectMany(p => p).ToList();
        Assert.Equal(delivered.Count, delivered.Distinct().Count());
        Assert.Equal(head, delivered.Count);
    }

    private static async Task OpenTicketAsync(TicketCommands commands) =>
        await commands.OpenAsync(
            new OpenTicket("Cluster", "Two silos.", new Requester("ana@example.com", "Ana", null, null, null)),
            new Actor(ActorKind.Agent, "agent-1"), null, null, CancellationToken.None);

    public sealed class TwoSilos : TicketClusterFixture
    {
        public ConcurrentBag<Counter> Counters { get; } = [];

        protected override short SiloCount => 2;

        protected override void ConfigureSiloServices(IServiceCollection services)
        {
            var counter = new Counter();
            Counters.Add(counter);
            services.AddSingleton<IEventSubscriber>(counter);
            services.Configure<EventFeedOptions>(o => o.IdlePollInterval = TimeSpan.FromMilliseconds(10));
        }
    }

    public sealed class Counter : IEventSubscriber
    {
        public const string SubscriberName = "cluster-counter";

        public ConcurrentQueue<long> Positions { get; } = new();

        public string Name => SubscriberName;

        public async Task HandleAsync(StoredTicketEvent @event, int attempt, CancellationToken cancellationToken)
        {
            Positions.Enqueue(@event.Position);

            // A subscriber that takes a moment, as a real one does: a second feed would overlap it.
            await Task.Delay(2, cancellationToken);
        }
    }
}
