namespace HelpDesk.Core.Tests.Reports;

/// <summary>
/// Minutes of <see cref="ReportDataSet.OfficeHours"/> between two instants, worked out here apart from
/// <c>BusinessCalendar</c>: day by day in Berlin's local time, each day's 09:00 and 17:00 turned into instants with
/// that day's own offset (+2 before 25 October 2026, +1 after).
/// </summary>
internal static class OfficeMinutes
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateOnly Holiday = new(2026, 10, 26);

    public static double Between(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        var last = LocalDay(to);
        for (var day = LocalDay(from); day <= last; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || day == Holiday)
            {
                continue;
            }

            var (open, close) = (Instant(day, 9), Instant(day, 17));
            var (start, end) = (open > from ? open : from, close < to ? close : to);
            if (end > start)
            {
                total += end - start;
            }
        }

        return total.TotalMinutes;
    }

    private static DateOnly LocalDay(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Berlin).DateTime);

    // Berlin's clocks change at 02:00 and 03:00, so 09:00 and 17:00 are never in a gap or an overlap.
    private static DateTimeOffset Instant(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, Berlin.GetUtcOffset(local));
    }
}
