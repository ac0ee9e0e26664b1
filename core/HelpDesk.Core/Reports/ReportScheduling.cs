using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace HelpDesk.Core.Reports;

/// <summary>Runs one schedule's report when Quartz fires it; the fire time names the run, so a second firing of it does nothing.</summary>
[DisallowConcurrentExecution]
public sealed class ScheduledReportJob(ReportRunner runner) : IJob
{
    public const string ScheduleKey = "schedule";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.RunAsync(context.MergedJobDataMap.GetString(ScheduleKey)!, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, cancellationToken);
}

/// <summary>
/// Keeps a Quartz cron trigger (in the schedule's zone) per enabled schedule, from the database at start and on every
/// change through the API. A schedule that fired while the hub was down runs once on start, for its latest missed time
/// (Quartz's own misfire handling is off: the catch-up is computed from the archive, so it holds across restarts).
/// On PostgreSQL the triggers are in Quartz's clustered store, so a change on any node is the cluster's and each firing
/// runs on one node; every node still applies and catches up at start, and the archive's claim makes each run once.
/// </summary>
public sealed class ReportScheduling(
    ISchedulerFactory quartz, ReportSchedules schedules, ReportRuns runs, ReportRunner runner, TimeProvider time, ILogger<ReportScheduling> logger) : BackgroundService
{
    public const string Group = "reports";

    public static JobKey KeyOf(string scheduleId) => new($"report:{scheduleId}", Group);

    public async Task ApplyAsync(ReportSchedule schedule, CancellationToken cancellationToken)
    {
        var scheduler = await quartz.GetScheduler(cancellationToken);
        if (!schedule.Enabled)
        {
            await scheduler.DeleteJob(KeyOf(schedule.Id), cancellationToken);
            return;
        }

        var job = JobBuilder.Create<ScheduledReportJob>().WithIdentity(KeyOf(schedule.Id)).UsingJobData(ScheduledReportJob.ScheduleKey, schedule.Id).Build();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);

        // One trigger per schedule, named after its job, replaced in one store operation: nodes starting together or
        // saving the same schedule neither fail on "already exists" nor leave a second trigger behind.
        var trigger = TriggerBuilder.Create().WithIdentity(job.Key.Name, job.Key.Group).ForJob(job)
            .WithCronSchedule(schedule.Cron, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }

    public async Task RemoveAsync(string scheduleId, CancellationToken cancellationToken) =>
        await (await quartz.GetScheduler(cancellationToken)).DeleteJob(KeyOf(scheduleId), cancellationToken);

    /// <summary>Runs the schedule's latest missed firing, if any; the run's id, or null.</summary>
    public async Task<string?> CatchUpAsync(ReportSchedule schedule, CancellationToken cancellationToken) =>
        ReportScheduleTimes.MissedAt(schedule, await runs.LastDueAsync(schedule.Id, cancellationToken), time.GetUtcNow()) is { } missed
            ? await runner.RunAsync(schedule.Id, missed, cancellationToken)
            : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var schedule in await schedules.ListAsync(stoppingToken))
        {
            try
            {
                await ApplyAsync(schedule, stoppingToken);
                if (schedule.Enabled)
                {
                    await CatchUpAsync(schedule, stoppingToken);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Report schedule {Schedule} could not be set up", schedule.Id);
            }
        }
    }
}
