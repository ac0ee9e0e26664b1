using System.Runtime.Loader;
using HelpDesk.Core.Plugins.Manifests;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Core.Plugins.Loading;

/// <summary>A plugin in memory: its manifest, its own service provider, and the load context that unloads with it.</summary>
public sealed class LoadedPlugin(CheckedManifest manifest, ServiceProvider services, IDisposable loader, AssemblyLoadContext context) : IAsyncDisposable
{
    public CheckedManifest Manifest => manifest;

    public IServiceProvider Services => services;

    /// <summary>Lets a test (or a leak check) see that the context was collected after <see cref="DisposeAsync"/>.</summary>
    public WeakReference ContextReference { get; } = new(context);

    /// <summary>Disposes the plugin's services, then starts unloading its assemblies; collection follows once nothing refers to them.</summary>
    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        loader.Dispose();
    }
}
