using HelpDesk.Core.Plugins.Hosting;
using HelpDesk.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace HelpDesk.Core.Plugins.Capabilities;

public static class PluginCapabilitiesExtensions
{
    /// <summary>The catalog of running plugins' capabilities, and a Quartz scheduler of this node's running their scheduled tasks.</summary>
    public static IServiceCollection AddPluginCapabilities(this IServiceCollection services)
    {
        services.AddSingleton<PluginVersionChanges>();
        services.AddSingleton<PluginCapabilityCatalog>();
        services.AddQuartz(PluginTaskScheduler.SchedulerName, quartz => quartz.UseInMemoryStore());

        // Starts every scheduler, this one and the hub's. After the plugin host, so it stops first: no task starts into a
        // plugin being unloaded at shutdown.
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddHostedService<PluginTaskScheduler>();
        return services;
    }
}
