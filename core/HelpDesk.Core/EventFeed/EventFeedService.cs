using HelpDesk.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.EventFeed;

/// <summary>
/// Keeps every subscriber's feed running once in the cluster: each silo calls each subscriber's
/// <see cref="IEventFeedGrain"/> at start, when a subscriber arrives, and every <see cref="EventFeedOptions.KeepAliveInterval"/>;
/// the grain's activation runs <see cref="RunAsync"/>, woken by commits on its silo and by a slow poll.
/// </summary>
public sealed class EventFeedService(
    EventSubscribers subscribers,
    ITicketEventStore store,
    SubscriberCheckpoints checkpoints,
    FeedSignal signal,
    IOptions<EventFeedOptions> options,
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<EventFeedService>();

    /// <summary>A dispatcher for one subscriber, for replays and admin views; the running feed uses its own.</summary>
    public EventDispatcher? DispatcherFor(string name) => subscribers.Find(name) is { } subscriber ? Dispatcher(subscriber) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Grain calls wait for the silo, which is another hosted service: start once everything has started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        subscribers.Added += subscriber => _ = KeepRunningAsync(subscriber.Name, stoppingToken);
        using var timer = new PeriodicTimer(options.Value.KeepAliveInterval, time);
        do
        {
            await Task.WhenAll(subscribers.All.Select(s => KeepRunningAsync(s.Name, stoppingToken)));
        }
        while (await WaitForTickAsync(timer, stoppingToken));
    }

    /// <summary>Delivers to one subscriber until stopped; run by its grain's activation, so once in the cluster.</summary>
    public async Task RunAsync(string subscriberName, CancellationToken stoppingToken)
    {
        EventDispatcher? dispatcher = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var rung = signal.Next;
            try
            {
                // A plugin's subscriber appears on this silo once the plugin has loaded here.
                dispatcher ??= subscribers.Find(subscriberName) is { } subscriber ? Dispatcher(subscriber) : null;
                if (dispatcher is not null)
                {
                    await dispatcher.DeliverAvailableAsync(stoppingToken);
                }
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // The store itself failed (not the subscriber): keep the checkpoint and try again at the next wake.
                _logger.LogError(error, "Event feed for {Subscriber} could not read or checkpoint", subscriberName);
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

    private async Task KeepRunningAsync(string subscriberName, CancellationToken stoppingToken)
    {
        try
        {
            await grains.GetGrain<IEventFeedGrain>(subscriberName).KeepRunning().WaitAsync(stoppingToken);
            signal.Ring();
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            // Shutting down or the cluster is changing: the next tick tries again.
            _logger.LogWarning(error, "Could not reach the feed of {Subscriber}", subscriberName);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private static async Task<bool> WaitForTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private EventDispatcher Dispatcher(IEventSubscriber subscriber) =>
        new(subscriber, store, checkpoints, options.Value, time, loggers.CreateLogger($"HelpDesk.EventFeed.{subscriber.Name}"));
}
