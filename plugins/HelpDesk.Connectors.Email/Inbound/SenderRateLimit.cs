using System.Collections.Concurrent;

namespace HelpDesk.Connectors.Email.Inbound;

/// <summary>
/// At most <c>limit</c> messages per sender in a sliding window, across all mailboxes: a misbehaving system mailing in a
/// loop stops opening tickets after a few, while people are never near the limit. Kept in memory: a restart forgets it,
/// which at worst lets one more window's worth through.
/// </summary>
public sealed class SenderRateLimit(int limit, TimeSpan window, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _recent = new(StringComparer.Ordinal);

    /// <summary>Counts the message and says whether it is within the limit.</summary>
    public bool TryAcquire(string sender)
    {
        var now = time.GetUtcNow();
        var recent = _recent.GetOrAdd(sender, _ => new Queue<DateTimeOffset>());
        lock (recent)
        {
            while (recent.Count > 0 && now - recent.Peek() >= window)
            {
                recent.Dequeue();
            }

            if (recent.Count >= limit)
            {
                return false;
            }

            recent.Enqueue(now);
            return true;
        }
    }
}
