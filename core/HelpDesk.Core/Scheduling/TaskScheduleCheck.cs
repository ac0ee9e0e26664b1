using HelpDesk.Sdk.Capabilities;
using Quartz;

namespace HelpDesk.Core.Scheduling;

/// <summary>Reads a task's schedule the way Quartz will, so a schedule it cannot run is refused when the plugin loads.</summary>
public static class TaskScheduleCheck
{
    /// <summary>What is wrong with the schedule, or null when Quartz can run it.</summary>
    public static string? Problem(TaskSchedule? schedule, DateTimeOffset now)
    {
        if (schedule is null || string.IsNullOrWhiteSpace(schedule.Cron))
        {
            return "it has no cron expression";
        }

        if (schedule.TimeZone is { } zone && !(TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) && found.HasIanaId))
        {
            return $"'{zone}' is not an IANA time zone such as 'Europe/Berlin'";
        }

        CronExpression expression;
        try
        {
            expression = new CronExpression(schedule.Cron, TimeZoneOf(schedule));
        }
        catch (FormatException error)
        {
            return $"'{schedule.Cron}' is not a Quartz cron expression (seconds first, such as '0 */5 * * * ?'): {error.Message}";
        }

        return expression.GetNextValidTimeAfter(now) is null ? $"'{schedule.Cron}' never fires after {now:u}" : null;
    }

    /// <summary>The zone the expression is read in; UTC unless the task names one.</summary>
    public static TimeZoneInfo TimeZoneOf(TaskSchedule schedule) =>
        schedule.TimeZone is { } zone ? TimeZoneInfo.FindSystemTimeZoneById(zone) : TimeZoneInfo.Utc;
}
