using HelpDesk.Core.Plugins.Hosting;
using HelpDesk.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace HelpDesk.Core.Plugins.Capabilities;

public static class PluginCapabilitiesExtensions
{
    /// <summary>The catalog of running plugins' capabilities, and Quartz running their scheduled tasks (RAM store: one node).</summary>
    public static IServiceCollection AddPluginCapabilities(this IServiceCollection services)
    {
        services.AddSingleton<PluginVersionChanges>();
        services.AddSingleton<PluginCapabilityCatalog>();
        services.AddQuartz();

        // After the plugin host, so it stops first: no task starts into a plugin being unloaded at shutdown.
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddHostedService<PluginTaskScheduler>();
        return services;
    }
}
