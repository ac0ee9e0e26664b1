using HelpDesk.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.EventFeed;

/// <summary>
/// Runs one dispatcher per registered subscriber, each woken by commits and by a slow poll. In the embedded
/// hub that is exactly one per subscriber; a cluster needs them singled out per subscriber (planned: a grain
/// kept alive by a reminder), which this service does not do yet.
/// </summary>
public sealed class EventFeedService(
    EventSubscribers subscribers,
    ITicketEventStore store,
    SubscriberCheckpoints checkpoints,
    FeedSignal signal,
    IOptions<EventFeedOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly List<Task> _running = [];

    /// <summary>A dispatcher for one subscriber, for replays and admin views; the running loops use their own.</summary>
    public EventDispatcher? DispatcherFor(string name) => subscribers.Find(name) is { } subscriber ? Dispatcher(subscriber) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        lock (_running)
        {
            subscribers.Added += subscriber => StartDispatcher(subscriber, stoppingToken);
            foreach (var subscriber in subscribers.All)
            {
                StartDispatcher(subscriber, stoppingToken);
            }
        }

        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: wait for the loops below to finish their current delivery.
        }

        Task[] running;
        lock (_running)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running);
    }

    private void StartDispatcher(IEventSubscriber subscriber, CancellationToken stoppingToken)
    {
        lock (_running)
        {
            _running.Add(Task.Run(() => RunAsync(Dispatcher(subscriber), stoppingToken), CancellationToken.None));
        }

        signal.Ring();
    }

    private EventDispatcher Dispatcher(IEventSubscriber subscriber) =>
        new(subscriber, store, checkpoints, options.Value, time, loggers.CreateLogger($"HelpDesk.EventFeed.{subscriber.Name}"));

    private async Task RunAsync(EventDispatcher dispatcher, CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger<EventFeedService>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var rung = signal.Next;
            try
            {
                await dispatcher.DeliverAvailableAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // The store itself failed (not the subscriber): keep the checkpoint and try again at the next wake.
                logger.LogError(error, "Event feed for {Subscriber} could not read or checkpoint", dispatcher.Subscriber);
            }

            try
            {
                await rung.WaitAsync(options.Value.IdlePollInterval, time, stoppingToken);
            }
            catch (TimeoutException)
            {
                // Nothing rang here: look anyway, appends on another silo do not ring this process.
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
