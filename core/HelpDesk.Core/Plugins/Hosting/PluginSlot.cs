using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace HelpDesk.Core.Plugins.Hosting;

/// <summary>One plugin id's place in the host: its status, the version calls go to, and the guard around those calls.</summary>
public sealed class PluginSlot
{
    private PluginVersion? _current;

    public PluginSlot(string id, PluginHostOptions options, TimeProvider time)
    {
        Id = id;
        Status = new PluginStatus(id, null, null, PluginState.Loading, [], null, time.GetUtcNow());
        Calls = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = options.CircuitBreakerMinimumCalls,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(30),
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.CallTimeout })
            .Build();
    }

    public string Id { get; }

    public PluginStatus Status { get; set; }

    /// <summary>Serialises loads, reloads, enables and disables of this plugin.</summary>
    public SemaphoreSlim Changes { get; } = new(1, 1);

    /// <summary>Timeout and circuit breaker for every call into the plugin: a slow or failing plugin fails fast, alone.</summary>
    public ResiliencePipeline Calls { get; }

    public PluginVersion? Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
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
