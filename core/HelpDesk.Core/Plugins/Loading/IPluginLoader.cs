using HelpDesk.Core.Plugins.Manifests;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Core.Plugins.Loading;

/// <summary>Loads one checked plugin into a load context of its own; the only place that knows how.</summary>
public interface IPluginLoader
{
    /// <summary>Loads, registers and checks the plugin; throws <see cref="PluginLoadException"/> saying what is wrong.</summary>
    LoadedPlugin Load(CheckedManifest manifest, IConfiguration configuration, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> hostServices);
}
