using System.Collections.Concurrent;

namespace HelpDesk.Core.EventFeed;

/// <summary>Every subscriber of the feed: those registered at start-up and those that arrive later (plugins).</summary>
public sealed class EventSubscribers(IEnumerable<IEventSubscriber> registered)
{
    private readonly ConcurrentDictionary<string, IEventSubscriber> _all = new(registered.ToDictionary(s => s.Name), StringComparer.Ordinal);

    /// <summary>Raised once for each subscriber added after start-up.</summary>
    public event Action<IEventSubscriber>? Added;

    public IReadOnlyCollection<IEventSubscriber> All => [.. _all.Values];

    public IEventSubscriber? Find(string name) => _all.GetValueOrDefault(name);

    /// <summary>Adds a subscriber unless one of that name exists; its checkpoint, if any, is where it resumes.</summary>
    public void Add(IEventSubscriber subscriber)
    {
        if (_all.TryAdd(subscriber.Name, subscriber))
        {
            Added?.Invoke(subscriber);
        }
    }
}
