using HelpDesk.Core.Storage;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Core.EventFeed;

/// <summary>
/// Feeds one subscriber from the durable event log: in global order (so in order per ticket), at least once,
/// advancing its checkpoint only past events it handled or parked. A failing event is retried with exponential
/// backoff, then parked as a dead letter so the rest of the feed moves on; replay hands parked events back.
/// </summary>
public sealed class EventDispatcher(
    IEventSubscriber subscriber,
    ITicketEventStore store,
    SubscriberCheckpoints checkpoints,
    EventFeedOptions options,
    TimeProvider time,
    ILogger logger)
{
    public string Subscriber => subscriber.Name;

    /// <summary>Last position this subscriber is done with, as of its latest delivery.</summary>
    public long Checkpoint { get; private set; }

    /// <summary>Delivers everything after the checkpoint; returns how many events it handled or parked.</summary>
    public async Task<int> DeliverAvailableAsync(CancellationToken cancellationToken)
    {
        Checkpoint = await checkpoints.GetAsync(subscriber.Name, cancellationToken);
        var done = 0;
        while (subscriber.IsAvailable)
        {
            var batch = await store.ReadAllAsync(Checkpoint, options.ReadBatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                return done;
            }

            foreach (var @event in batch)
            {
                if (!subscriber.IsAvailable)
                {
                    // Went away mid-batch (disabled, reloading): stop here, the rest waits at the checkpoint.
                    break;
                }

                var (attempts, error) = await DeliverAsync(@event, options.MaxAttempts, cancellationToken);
                if (error is not null)
                {
                    await checkpoints.ParkAsync(subscriber.Name, Letter(@event, attempts, error), cancellationToken);
                    logger.LogWarning(error, "{Subscriber} parked event {Position} ({Type} of ticket {Ticket}) after {Attempts} attempts",
                        subscriber.Name, @event.Position, @event.Type, @event.Ticket, attempts);
                }

                Checkpoint = @event.Position;
                done++;
            }

            // One checkpoint write per batch: at-least-once allows a crash to redeliver the batch's tail.
            await checkpoints.AdvanceAsync(subscriber.Name, Checkpoint, cancellationToken);
        }

        return done;
    }

    /// <summary>Delivers each parked event once more, oldest first; those handled leave the list. Returns how many.</summary>
    public async Task<int> ReplayDeadLettersAsync(CancellationToken cancellationToken)
    {
        var replayed = 0;
        foreach (var letter in await checkpoints.DeadLettersAsync(subscriber.Name, cancellationToken))
        {
            var stored = (await store.ReadAllAsync(letter.Position - 1, 1, cancellationToken)).SingleOrDefault(e => e.Position == letter.Position);
            if (stored is null)
            {
                continue;
            }

            var (attempts, error) = await DeliverAsync(stored, options.MaxAttempts, cancellationToken);
            if (error is null)
            {
                await checkpoints.RemoveDeadLetterAsync(subscriber.Name, letter.Position, cancellationToken);
                replayed++;
            }
            else
            {
                await checkpoints.ParkAsync(subscriber.Name, Letter(stored, letter.Attempts + attempts, error), cancellationToken);
            }
        }

        return replayed;
    }

    private async Task<(int Attempts, Exception? Error)> DeliverAsync(StoredTicketEvent @event, int maxAttempts, CancellationToken cancellationToken)
    {
        var delay = options.FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.HandlerTimeout);

                // WaitAsync gives up on a handler that ignores its token; the abandoned call cannot hold the feed.
                await subscriber.HandleAsync(@event, attempt, timeout.Token).WaitAsync(options.HandlerTimeout, time, cancellationToken);
                return (attempt, null);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                if (error is DeferredDeliveryException)
                {
                    // Not the event's fault: the attempt does not count, so an outage never parks what it delayed.
                    attempt--;
                }
                else if (attempt >= maxAttempts)
                {
                    return (attempt, error);
                }

                logger.LogDebug(error, "{Subscriber} failed on event {Position}, attempt {Attempt}; retrying in {Delay}", subscriber.Name, @event.Position, attempt, delay);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRetryDelay.Ticks));
            }
        }
    }

    private DeadLetter Letter(StoredTicketEvent @event, int attempts, Exception error) =>
        new(@event.Position, @event.Ticket, @event.Version, @event.Type, attempts, $"{error.GetType().Name}: {error.Message}", time.GetUtcNow());
}
