using HelpDesk.Core.Reports;

namespace HelpDesk.Core.Tests.Reports;

public sealed class ReportScheduleTimesTests
{
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);

    private static ReportSchedule Weekly(DateTimeOffset createdAt) =>
        new("weekly", "Weekly summary", [new ReportScheduleKpi("volume", "channel")], "0 0 8 ? * MON", "Asia/Seoul", [new ReportRecipient("lead@example.com", "ko")]) { CreatedAt = createdAt };

    [Fact]
    public void Mondays_08_00_in_seoul_fire_at_08_00_seoul_time_once_a_week()
    {
        var schedule = Weekly(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

        var first = ReportScheduleTimes.Next(schedule, new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var second = ReportScheduleTimes.Next(schedule, first!.Value);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, Seoul), first);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero), first!.Value.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, Seoul), second);
    }

    [Fact]
    public void A_hub_down_over_monday_and_started_tuesday_runs_the_missed_report_once_however_many_mondays_it_missed()
    {
        var schedule = Weekly(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
        var tuesday = new DateTimeOffset(2026, 11, 24, 10, 0, 0, Seoul);

        var afterOneMonday = ReportScheduleTimes.MissedAt(schedule, new DateTimeOffset(2026, 11, 16, 8, 0, 0, Seoul), tuesday);
        var afterThreeMondays = ReportScheduleTimes.MissedAt(schedule, new DateTimeOffset(2026, 11, 2, 8, 0, 0, Seoul), tuesday);
        var upToDate = ReportScheduleTimes.MissedAt(schedule, new DateTimeOffset(2026, 11, 23, 8, 0, 0, Seoul), tuesday);
        var neverBeforeItExisted = ReportScheduleTimes.MissedAt(Weekly(new DateTimeOffset(2026, 11, 24, 0, 0, 0, Seoul)), null, tuesday);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, Seoul), afterOneMonday);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, Seoul), afterThreeMondays);
        Assert.Null(upToDate);
        Assert.Null(neverBeforeItExisted);
    }

    [Fact]
    public void A_weekly_run_covers_the_seven_local_days_before_its_day()
    {
        var schedule = Weekly(default);

        var (from, to) = ReportScheduleTimes.PeriodOf(schedule, new DateTimeOffset(2026, 11, 23, 8, 0, 0, Seoul));

        Assert.Equal((new DateTimeOffset(2026, 11, 16, 0, 0, 0, Seoul), new DateTimeOffset(2026, 11, 23, 0, 0, 0, Seoul)), (from, to));
    }

    [Theory]
    [InlineData("cron", "every monday", "Asia/Seoul", "previous-week", "lead@example.com", "volume")]
    [InlineData("timeZone", "0 0 8 ? * MON", "Korea Standard Time", "previous-week", "lead@example.com", "volume")]
    [InlineData("period", "0 0 8 ? * MON", "Asia/Seoul", "last-fortnight", "lead@example.com", "volume")]
    [InlineData("recipients[0].email", "0 0 8 ? * MON", "Asia/Seoul", "previous-week", "not-an-address", "volume")]
    [InlineData("kpis[0].kpi", "0 0 8 ? * MON", "Asia/Seoul", "previous-week", "lead@example.com", "happiness")]
    public void A_schedule_is_refused_naming_the_part_at_fault(string field, string cron, string zone, string period, string email, string kpi)
    {
        var schedule = new ReportSchedule("s", "Summary", [new ReportScheduleKpi(kpi)], cron, zone, [new ReportRecipient(email)]) { Period = period, CreatedAt = DateTimeOffset.UtcNow };

        Assert.Equal(field, ReportScheduleCheck.Problem(schedule)?.Field);
    }
}
