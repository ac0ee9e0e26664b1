using System.Collections.Concurrent;

namespace HelpDesk.Connectors.Email.Inbound;

/// <summary>
/// At most <c>limit</c> messages per sender in a sliding window, across all mailboxes: a misbehaving system mailing in a
/// loop stops opening tickets after a few, while people are never near the limit. Kept in memory: a restart forgets it,
/// which at worst lets one more window's worth through.
/// </summary>
public sealed class SenderRateLimit(int limit, TimeSpan window, TimeProvider time)
{
    private const int PruneEvery = 256;
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);
    private long _counted;

    /// <summary>Whether the sender has already sent as many messages as the window allows.</summary>
    public bool IsOverLimit(string sender)
    {
        if (!_recent.TryGetValue(sender, out var recent))
        {
            return false;
        }

        lock (recent)
        {
            Expire(recent);
            return recent.Count >= limit;
        }
    }

    /// <summary>Counts one imported message from the sender.</summary>
    public void Count(string sender)
    {
        var recent = _recent.GetOrAdd(sender, _ => new Queue<DateTimeOffset>());
        lock (recent)
        {
            Expire(recent);
            recent.Enqueue(time.GetUtcNow());
        }

        // Now and then, senders whose window emptied are forgotten: the memory follows recent senders, not every one ever.
        if (Interlocked.Increment(ref _counted) % PruneEvery != 0)
        {
            return;
        }

        foreach (var (other, queue) in _recent)
        {
            lock (queue)
            {
                if (queue.Count == 0 || (Expire(queue) && queue.Count == 0))
                {
                    _recent.TryRemove(new KeyValuePair<string, Queue<DateTimeOffset>>(other, queue));
                }
            }
        }
    }

    // True when it removed anything.
    private bool Expire(Queue<DateTimeOffset> recent)
    {
        var now = time.GetUtcNow();
        var removed = false;
        while (recent.Count > 0 && now - recent.Peek() >= window)
        {
            recent.Dequeue();
            removed = true;
        }

        return removed;
    }
}
