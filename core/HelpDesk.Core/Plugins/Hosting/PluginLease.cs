namespace HelpDesk.Core.Plugins.Hosting;

/// <summary>A call in progress into one version of a plugin; disposing it lets that version drain.</summary>
public sealed class PluginLease(PluginVersion version) : IDisposable
{
    private int _disposed;

    public IServiceProvider Services => version.Plugin.Services;

    /// <summary>The guard every call into the plugin goes through.</summary>
    public Polly.ResiliencePipeline Calls => version.Calls;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            version.Exit();
        }
    }
}
