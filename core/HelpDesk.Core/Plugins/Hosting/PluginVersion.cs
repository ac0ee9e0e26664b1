using HelpDesk.Core.Plugins.Loading;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace HelpDesk.Core.Plugins.Hosting;

/// <summary>
/// One loaded version of a plugin and the calls running in it: a swapped-out version is retired, waits for those
/// calls to finish (or for the drain timeout), and only then is unloaded.
/// </summary>
public sealed class PluginVersion(LoadedPlugin plugin, PluginHostOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private bool _retired;

    public LoadedPlugin Plugin => plugin;

    /// <summary>
    /// Timeout and circuit breaker for every call into this version: a slow or failing plugin fails fast, alone.
    /// Each version has its own, so a fixed version is not held back by the breaker its broken predecessor tripped.
    /// </summary>
    public ResiliencePipeline Calls { get; } = new ResiliencePipelineBuilder { TimeProvider = time }
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = options.CircuitBreakerMinimumCalls,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(30),
        })
        .AddTimeout(new TimeoutStrategyOptions { Timeout = options.CallTimeout })
        .Build();

    public bool TryEnter()
    {
        lock (_gate)
        {
            if (_retired)
            {
                return false;
            }

            _inFlight++;
            return true;
        }
    }

    public void Exit()
    {
        lock (_gate)
        {
            if (--_inFlight == 0 && _retired)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <summary>Refuses new calls, waits for running ones up to <paramref name="timeout"/>, then unloads.</summary>
    public async Task RetireAsync(TimeSpan timeout)
    {
        lock (_gate)
        {
            _retired = true;
            if (_inFlight == 0)
            {
                _drained.TrySetResult();
            }
        }

        try
        {
            await _drained.Task.WaitAsync(timeout, time);
        }
        catch (TimeoutException)
        {
            // A hung call must not keep the old version forever; its context unloads once the call lets go.
        }

        await plugin.DisposeAsync();
    }
}
