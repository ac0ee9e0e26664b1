using HelpDesk.Core.Plugins.Hosting;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace HelpDesk.Core.Plugins.Capabilities;

/// <summary>
/// A named capability of a running plugin, as core code holds it. It keeps no reference into the plugin: every call
/// takes a lease on whichever version runs then (so a reload between calls is invisible) and goes through that
/// version's timeout and circuit breaker. Whatever the plugin does wrong comes back as a <see cref="CapabilityFailure"/>.
/// </summary>
public sealed class PluginCapability<T>(PluginSlot slot, string capability, string name, ILogger logger)
    where T : class, INamedCapability
{
    public string PluginId => slot.Id;

    /// <summary>The capability's <see cref="INamedCapability.Name"/> (<c>jira</c>).</summary>
    public string Name => name;

    public async Task<CapabilityResult<TResult>> CallAsync<TResult>(Func<T, CancellationToken, Task<TResult>> call, CancellationToken cancellationToken)
    {
        using var lease = slot.TryEnter();
        var target = lease?.Offered<T>().FirstOrDefault(c => c.Name == name);
        if (lease is null || target is null)
        {
            return Fail<TResult>(CapabilityFailureKind.Unavailable, $"Plugin {slot.Id} is {slot.Status.State.ToString().ToLowerInvariant()} and offers no {capability} named '{name}' now.");
        }

        try
        {
            return new CapabilityResult<TResult>(await lease.CallAsync(token => call(target, token), cancellationToken), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException)
        {
            return Fail<TResult>(CapabilityFailureKind.TimedOut, $"Plugin {slot.Id}'s {capability} '{name}' did not answer in time.");
        }
        catch (ChannelUnavailableException unavailable)
        {
            return Fail<TResult>(CapabilityFailureKind.Deferred, $"Plugin {slot.Id}'s {capability} '{name}' cannot deliver now: {unavailable.Message}");
        }
        catch (BrokenCircuitException)
        {
            return Fail<TResult>(CapabilityFailureKind.CircuitOpen, $"Plugin {slot.Id} failed too often lately; its calls are paused for a while.");
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Plugin {Plugin}'s {Capability} '{Name}' threw", slot.Id, capability, name);
            return Fail<TResult>(CapabilityFailureKind.Failed, $"Plugin {slot.Id}'s {capability} '{name}' failed: {error.GetType().Name}: {error.Message}");
        }
    }

    private CapabilityResult<TResult> Fail<TResult>(CapabilityFailureKind kind, string message) =>
        new(default, new CapabilityFailure(kind, slot.Id, capability, message));
}
