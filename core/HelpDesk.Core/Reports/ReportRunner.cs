using HelpDesk.Core.Storage;
using HelpDesk.Domain.Rules;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Core.Reports;

/// <summary>Makes one run of a schedule for one due time, on whichever node claims it first; the others do nothing.</summary>
/// <remarks>Its mail goes out afterwards, from <see cref="ReportMailer"/>: a slow mail server never holds up the run.</remarks>
public sealed class ReportRunner(ReportSchedules schedules, ReportRuns runs, ReportQueries queries, TimeProvider time, ILogger<ReportRunner> logger)
{
    /// <summary>The run's id, or null when it was already claimed (another node, an earlier start) or the schedule is gone.</summary>
    public async Task<string?> RunAsync(string scheduleId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        if (await schedules.GetAsync(scheduleId, cancellationToken) is not { Enabled: true } schedule)
        {
            return null;
        }

        // Whole seconds: Quartz's fire times and a catch-up's computed time name the same run alike.
        var due = DateTimeOffset.FromUnixTimeSeconds(dueAt.ToUnixTimeSeconds());
        if (await runs.ClaimAsync(schedule.Id, due, cancellationToken) is not { } id)
        {
            return null;
        }

        try
        {
            var period = ReportScheduleTimes.PeriodOf(schedule, due);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
            var filters = ReportFilters.Read(schedule.Filters, "").Filters;
            var reports = new List<KpiReport>();
            foreach (var item in schedule.Kpis)
            {
                // Checked at save: a breakdown the schedule names is a known one.
                var groupBy = ReportDimensions.TryParse(item.GroupBy, out var named) ? named : ReportDimension.None;
                reports.Add(await queries.RunAsync(Kpi.Find(item.Kpi)!, new ReportQuery(period.From, period.To, zone, groupBy) { Filters = filters }, cancellationToken));
            }

            await runs.FinishAsync(id, ReportRenderer.Render(schedule, period, reports, id), ReportDelivery.For(id, schedule.Recipients, time.GetUtcNow()), cancellationToken);
            return id;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "The report {Schedule} due at {Due} failed", schedule.Id, due);
            await runs.FailAsync(id, error.Message, CancellationToken.None);
            return id;
        }
    }
}
