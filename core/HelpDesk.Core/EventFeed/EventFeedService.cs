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
    IEnumerable<IEventSubscriber> subscribers,
    ITicketEventStore store,
    SubscriberCheckpoints checkpoints,
    FeedSignal signal,
    IOptions<EventFeedOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(subscribers.Select(s => RunAsync(
            new EventDispatcher(s, store, checkpoints, options.Value, time, loggers.CreateLogger($"HelpDesk.EventFeed.{s.Name}")), stoppingToken)));

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
