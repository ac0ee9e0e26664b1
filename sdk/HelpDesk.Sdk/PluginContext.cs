using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Sdk;

/// <summary>What a plugin is given to register itself. New members may be added; none will be removed before 1.0.</summary>
public sealed class PluginContext
{
    /// <summary>Creates a context; the host (or the SDK test kit) does this, plugins do not.</summary>
    /// <param name="pluginId">The id from the plugin's manifest.</param>
    /// <param name="configuration">The plugin's section, <c>HelpDesk:Plugins:{id}</c>.</param>
    /// <param name="services">The plugin's own service collection.</param>
    public PluginContext(string pluginId, IConfiguration configuration, IServiceCollection services)
    {
        PluginId = pluginId;
        Configuration = configuration;
        Services = services;
    }

    /// <summary>The plugin's id, as in its manifest (for example <c>jira</c>).</summary>
    public string PluginId { get; }

    /// <summary>The plugin's configuration section, <c>HelpDesk:Plugins:{id}</c>, settable from the environment.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The plugin's services; <see cref="IHelpDeskApi"/>, <see cref="IPluginState"/>, logging and <see cref="TimeProvider"/> are already in it.</summary>
    public IServiceCollection Services { get; }
}
