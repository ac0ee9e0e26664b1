using Quartz;

namespace HelpDesk.Core.Reports;

/// <summary>When a schedule fires, which period a run covers, and which missed time a starting hub runs (once).</summary>
public static class ReportScheduleTimes
{
    public static readonly string[] Periods = ["previous-day", "previous-week", "previous-month"];

    public static CronExpression Cron(ReportSchedule schedule) =>
        new(schedule.Cron, TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone));

    /// <summary>The first firing strictly after <paramref name="after"/>, or null when the cron never fires again.</summary>
    public static DateTimeOffset? Next(ReportSchedule schedule, DateTimeOffset after) => Cron(schedule).GetNextValidTimeAfter(after);

    /// <summary>
    /// The latest firing after <paramref name="lastRun"/> (or the schedule's creation) and not after
    /// <paramref name="now"/>: the one run a hub that was down makes on start, whatever number of firings it missed.
    /// </summary>
    public static DateTimeOffset? MissedAt(ReportSchedule schedule, DateTimeOffset? lastRun, DateTimeOffset now)
    {
        var cron = Cron(schedule);
        DateTimeOffset? missed = null;
        var at = lastRun ?? schedule.CreatedAt;
        for (var i = 0; i < 100_000 && cron.GetNextValidTimeAfter(at) is { } next && next <= now; i++)
        {
            (missed, at) = (next, next);
        }

        return missed;
    }

    /// <summary>The period a run due at <paramref name="due"/> covers: whole local days ending at the start of its day.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) PeriodOf(ReportSchedule schedule, DateTimeOffset due)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, zone).DateTime);
        var from = schedule.Period switch
        {
            "previous-day" => day.AddDays(-1),
            "previous-month" => day.AddMonths(-1),
            _ => day.AddDays(-7),
        };
        return (Midnight(from, zone), Midnight(day, zone));
    }

    private static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        // A midnight that DST skips starts the day at the first valid local time after it.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
