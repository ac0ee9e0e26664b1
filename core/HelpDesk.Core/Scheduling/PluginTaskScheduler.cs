using System.Threading.Channels;
using HelpDesk.Core.Plugins.Hosting;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace HelpDesk.Core.Scheduling;

/// <summary>
/// Keeps Quartz's jobs in step with the running plugins: whenever a plugin's running version changes (loaded, swapped,
/// disabled, removed), its jobs are dropped and the tasks of the version now running, if any, scheduled afresh.
/// Each node runs its own plugins' tasks in a scheduler of its own (in memory): a plugin is loaded, reloaded, disabled or
/// faulted per node, and a run calls the copy loaded here, so one node's faulted copy must not unschedule the others'.
/// </summary>
public sealed partial class PluginTaskScheduler : BackgroundService
{
    public const string SchedulerName = "plugin-tasks";

    private readonly Channel<string> _changed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly PluginHost _host;
    private readonly ISchedulerFactory _schedulers;
    private readonly ILogger<PluginTaskScheduler> _logger;
    private readonly IDisposable _subscription;

    public PluginTaskScheduler(PluginHost host, PluginVersionChanges changes, ISchedulerFactory schedulers, ILogger<PluginTaskScheduler> logger)
    {
        (_host, _schedulers, _logger) = (host, schedulers, logger);

        // Subscribed before any hosted service starts, so no load by the plugin host goes unseen.
        _subscription = changes.Subscribe(slot => _changed.Writer.TryWrite(slot.Id));
    }

    public static string GroupOf(string pluginId) => $"plugin:{pluginId}";

    public override void Dispose()
    {
        _subscription.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var status in _host.List())
        {
            _changed.Writer.TryWrite(status.Id);
        }

        await foreach (var pluginId in _changed.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await ReconcileAsync(pluginId, stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                _logger.LogError(error, "Scheduling the tasks of plugin {Plugin} failed", pluginId);
            }
        }
    }

    private async Task ReconcileAsync(string pluginId, CancellationToken cancellationToken)
    {
        var scheduler = await _schedulers.GetRequiredScheduler(SchedulerName, cancellationToken);
        var group = GroupOf(pluginId);
        await scheduler.DeleteJobs(await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(group), cancellationToken), cancellationToken);

        using var lease = _host.Find(pluginId)?.TryEnter();
        if (lease is null)
        {
            return;
        }

        // Names and schedules were checked when the plugin loaded; a version that got this far has good ones.
        var tasks = lease.Offered<IScheduledTask>().ToList();
        foreach (var task in tasks)
        {
            var job = JobBuilder.Create<PluginTaskJob>()
                .WithIdentity(task.Name, group)
                .UsingJobData(PluginTaskJob.PluginKey, pluginId)
                .UsingJobData(PluginTaskJob.TaskKey, task.Name)
                .Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(task.Name, group)
                .WithCronSchedule(task.Schedule.Cron, cron => cron.InTimeZone(TaskScheduleCheck.TimeZoneOf(task.Schedule)))
                .Build();
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
        }

        LogScheduled(pluginId, tasks.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Plugin}: {Count} scheduled task(s) on the schedule")]
    private partial void LogScheduled(string plugin, int count);
}
