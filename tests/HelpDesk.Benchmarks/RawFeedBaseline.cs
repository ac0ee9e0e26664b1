using System.Diagnostics;
using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Plugins;
using HelpDesk.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpDesk.Benchmarks;

/// <summary>
/// The feed's ceiling on this machine: the hub's own dispatcher, store and checkpoints draining a backlog in process,
/// with no plugin, no load context, no HTTP. Once into a subscriber that does nothing, once into one that only builds
/// the SDK envelope a plugin would get. The hub's drain figure set beside these shows what the plugin layer costs.
/// </summary>
public static class RawFeedBaseline
{
    public sealed record Result(int Events, double NoopPerSecond, double EnvelopePerSecond);

    public static async Task<Result> RunAsync(int events)
    {
        var directory = Directory.CreateTempSubdirectory("helpdesk-bench-feed-").FullName;
        try
        {
            await using var database = SqliteDatabase.InDirectory(directory);
            await new SchemaMigrator(database, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
            await using var writer = new TicketEventWriter(database, Options.Create(new StorageOptions { MaxBatchSize = 64 }), NullLogger<TicketEventWriter>.Instance);
            await RawSqliteBaseline.OpenTicketsAsync(writer, events, batchSize: 64);

            var store = new SqlTicketEventStore(database, writer);
            var checkpoints = new SubscriberCheckpoints(database, TimeProvider.System);
            // Once unmeasured, so what is measured runs JIT-optimised code.
            await DrainAsync(new Subscriber("warm-up", e => SdkMapping.ToEnvelope(e)), store, checkpoints);
            var noop = await DrainAsync(new Subscriber("noop", _ => { }), store, checkpoints);
            var envelope = await DrainAsync(new Subscriber("envelope", e => SdkMapping.ToEnvelope(e)), store, checkpoints);
            return new Result(events, noop, envelope);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<double> DrainAsync(IEventSubscriber subscriber, ITicketEventStore store, SubscriberCheckpoints checkpoints)
    {
        var dispatcher = new EventDispatcher(subscriber, store, checkpoints, new EventFeedOptions(), TimeProvider.System, NullLogger.Instance);
        var clock = Stopwatch.StartNew();
        var delivered = await dispatcher.DeliverAvailableAsync(CancellationToken.None);
        return delivered / clock.Elapsed.TotalSeconds;
    }

    private sealed class Subscriber(string name, Action<StoredTicketEvent> handle) : IEventSubscriber
    {
        public string Name => name;

        public Task HandleAsync(StoredTicketEvent @event, int attempt, CancellationToken cancellationToken)
        {
            handle(@event);
            return Task.CompletedTask;
        }
    }
}
