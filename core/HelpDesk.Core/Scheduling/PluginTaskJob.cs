using HelpDesk.Core.Plugins.Hosting;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace HelpDesk.Core.Scheduling;

/// <summary>
/// One run of a plugin's scheduled task, in whichever version of the plugin runs now, through its lease and its
/// timeout and circuit breaker. Whatever the task does wrong is logged here and ends the run, never the scheduler.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class PluginTaskJob(PluginHost host, ILogger<PluginTaskJob> logger) : IJob
{
    public const string PluginKey = "plugin";
    public const string TaskKey = "task";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var pluginId = context.MergedJobDataMap.GetString(PluginKey)!;
        var taskName = context.MergedJobDataMap.GetString(TaskKey)!;

        // Disabled, reloading or removed since this run was scheduled: the scheduler unschedules it soon after.
        using var lease = host.Find(pluginId)?.TryEnter();
        if (lease?.Offered<IScheduledTask>().FirstOrDefault(t => t.Name == taskName) is not { } task)
        {
            return;
        }

        var run = new ScheduledTaskContext(taskName, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, context.PreviousFireTimeUtc);
        try
        {
            await lease.CallAsync(token => task.RunAsync(run, token), cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(error, pluginId, taskName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled task {Task} of plugin {Plugin} failed; it runs again on schedule")]
    private partial void LogFailed(Exception error, string plugin, string task);
}
