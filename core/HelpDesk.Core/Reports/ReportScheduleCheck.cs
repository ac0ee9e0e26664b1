using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Rules;
using Quartz;

namespace HelpDesk.Core.Reports;

/// <summary>A schedule's refusals at save, each naming the part at fault as the API spells it.</summary>
public static class ReportScheduleCheck
{
    public static Rejection? Problem(ReportSchedule schedule)
    {
        if (TicketInput.SingleLine("name", schedule.Name, 200) is { } name)
        {
            return name;
        }

        if (schedule.Kpis is not { Count: > 0 and <= 20 })
        {
            return Rejection.Invalid("kpis", "A report has 1 to 20 KPIs.");
        }

        for (var i = 0; i < schedule.Kpis.Count; i++)
        {
            var item = schedule.Kpis[i];
            if (Kpi.Find(item.Kpi) is not { } kpi)
            {
                return Rejection.Invalid($"kpis[{i}].kpi", $"Unknown KPI '{item.Kpi}'; use one of: {string.Join(", ", Kpi.All.Select(k => k.Name))}.");
            }

            if (item.GroupBy is { } groupBy && (kpi.FixedBreakdown is not null || !ReportDimensions.TryParse(groupBy, out _)))
            {
                return Rejection.Invalid($"kpis[{i}].groupBy", kpi.FixedBreakdown is { } only ? $"{kpi.Name} is broken down by {only} only." : $"Unknown dimension '{groupBy}'.");
            }
        }

        if (ReportFilters.Read(schedule.Filters ?? new Dictionary<string, IReadOnlyList<string>>(), "filters.").Problem is { } filter)
        {
            return filter;
        }

        if (!CronExpression.TryParse(schedule.Cron ?? "", out _))
        {
            return Rejection.Invalid("cron", $"'{schedule.Cron}' is not a Quartz cron expression such as 0 0 8 ? * MON (seconds, minutes, hours, day of month, month, day of week).");
        }

        if (!TicketInput.IsIanaTimeZone(schedule.TimeZone ?? ""))
        {
            return Rejection.Invalid("timeZone", $"'{schedule.TimeZone}' is not an IANA time zone such as Asia/Seoul.");
        }

        if (!ReportScheduleTimes.Periods.Contains(schedule.Period))
        {
            return Rejection.Invalid("period", $"Use one of: {string.Join(", ", ReportScheduleTimes.Periods)}.");
        }

        if (schedule.Recipients is not { Count: > 0 and <= 50 })
        {
            return Rejection.Invalid("recipients", "A report goes to 1 to 50 recipients.");
        }

        for (var i = 0; i < schedule.Recipients.Count; i++)
        {
            if (TicketInput.Email($"recipients[{i}].email", schedule.Recipients[i].Email) is { } email)
            {
                return email;
            }
        }

        return ReportScheduleTimes.Next(schedule, schedule.CreatedAt == default ? DateTimeOffset.UtcNow : schedule.CreatedAt) is null
            ? Rejection.Invalid("cron", "This cron never fires again.")
            : null;
    }
}
