namespace HelpDesk.Core.Plugins.Hosting;

/// <summary>One plugin id's place in the host: its status and the version calls go to.</summary>
public sealed class PluginSlot
{
    private PluginVersion? _current;

    private readonly PluginVersionChanges? _changes;

    public PluginSlot(string id, TimeProvider time, PluginVersionChanges? changes = null)
    {
        Id = id;
        _changes = changes;
        Status = new PluginStatus(id, null, null, PluginState.Loading, [], null, time.GetUtcNow());
    }

    public string Id { get; }

    public PluginStatus Status { get; set; }

    /// <summary>Serialises loads, reloads, enables and disables of this plugin.</summary>
    public SemaphoreSlim Changes { get; } = new(1, 1);

    public PluginVersion? Current
    {
        get => Volatile.Read(ref _current);
        set
        {
            if (Interlocked.Exchange(ref _current, value) != value)
            {
                _changes?.Notify(this);
            }
        }
    }

    /// <summary>A lease on the running version, or null when none runs (faulted, disabled, between versions).</summary>
    public PluginLease? TryEnter()
    {
        // Twice: a swap between reading the version and entering it retires the one read.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (Current is { } version && version.TryEnter())
            {
                return new PluginLease(version);
            }
        }

        return null;
    }
}
