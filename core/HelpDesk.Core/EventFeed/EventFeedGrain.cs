using Microsoft.Extensions.Logging;

namespace HelpDesk.Core.EventFeed;

/// <summary>
/// Where a subscriber's feed runs: Orleans keeps one activation per subscriber in the cluster, so each event reaches
/// the subscriber from one silo, not once per silo. The activation runs the silo's own dispatcher for it (and so
/// the plugin loaded on that silo); every silo's <see cref="EventFeedService"/> calls it now and then, which brings
/// it back on a live silo when its own goes away.
/// </summary>
public sealed class EventFeedGrain(EventFeedService feed, ILogger<EventFeedGrain> logger) : Grain, IEventFeedGrain, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var subscriber = this.GetPrimaryKeyString();

        // Off the grain's scheduler: the loop only touches silo services, and keep-alive calls must not queue behind it.
        _running = Task.Run(() => feed.RunAsync(subscriber, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task KeepRunning() => Task.CompletedTask;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            // The delivery in progress finishes (or times out) before the feed moves elsewhere.
            await _running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Feed of {Subscriber} still delivering when its activation had to go", this.GetPrimaryKeyString());
        }
    }

    public void Dispose() => _stopping.Dispose();
}
