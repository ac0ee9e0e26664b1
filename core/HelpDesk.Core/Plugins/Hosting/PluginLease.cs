using HelpDesk.Core.Plugins.Manifests;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Core.Plugins.Hosting;

/// <summary>A call in progress into one version of a plugin; disposing it lets that version drain.</summary>
public sealed class PluginLease(PluginVersion version) : IDisposable
{
    private int _disposed;

    public IServiceProvider Services => version.Plugin.Services;

    /// <summary>The running version's manifest: what it declared when it was loaded.</summary>
    public CheckedManifest Manifest => version.Plugin.Manifest;

    /// <summary>
    /// The running version's implementations of a capability, when its manifest declares that capability; none
    /// otherwise. A service a plugin registers without declaring it is not offered to the hub.
    /// </summary>
    public IEnumerable<T> Offered<T>()
        where T : class =>
        Manifest.Capabilities.Contains(PluginCapabilities.NameOf(typeof(T))) ? Services.GetServices<T>() : [];

    /// <summary>
    /// Calls into the plugin through its version's timeout and circuit breaker. Polly's timeout only cancels the
    /// token; a plugin that ignores it is abandoned here instead, so the call still ends on time and the breaker
    /// counts it as the failure it is.
    /// </summary>
    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        await version.Calls.ExecuteAsync(async token => await call(token).WaitAsync(token), cancellationToken);

    /// <inheritdoc cref="CallAsync{T}(Func{CancellationToken, Task{T}}, CancellationToken)"/>
    public async Task CallAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        await version.Calls.ExecuteAsync(async token => await call(token).WaitAsync(token), cancellationToken);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            version.Exit();
        }
    }
}
