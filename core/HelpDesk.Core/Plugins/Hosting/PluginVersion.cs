using HelpDesk.Core.Plugins.Loading;

namespace HelpDesk.Core.Plugins.Hosting;

/// <summary>
/// One loaded version of a plugin and the calls running in it: a swapped-out version is retired, waits for those
/// calls to finish (or for the drain timeout), and only then is unloaded.
/// </summary>
public sealed class PluginVersion(LoadedPlugin plugin)
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private bool _retired;

    public LoadedPlugin Plugin => plugin;

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
    public async Task RetireAsync(TimeSpan timeout, TimeProvider time)
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
