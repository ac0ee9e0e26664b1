using HelpDesk.Domain.Sla;

namespace HelpDesk.Domain.Tests.Sla;

public sealed class BusinessCalendarTests
{
    private static readonly TimeSpan Four = TimeSpan.FromHours(4);

    public static BusinessCalendar Weekdays(string zone, int from = 9, int to = 18, params DateOnly[] holidays) => new(
        "weekdays", "Weekdays", zone,
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Select(d => new Shift(d, new TimeOnly(from, 0), new TimeOnly(to, 0)))],
        [.. holidays.Select(h => new Holiday(h, "Holiday"))]);

    private static DateTimeOffset Local(string zone, int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(local));
    }

    [Fact]
    public void A_ticket_opened_friday_17_50_in_berlin_with_four_business_hours_is_due_monday_12_50()
    {
        var due = Weekdays("Europe/Berlin").AddBusinessTime(Local("Europe/Berlin", 2026, 11, 20, 17, 50), Four);

        Assert.Equal(Local("Europe/Berlin", 2026, 11, 23, 12, 50), due);
        Assert.Equal(new DateTime(2026, 11, 23, 12, 50, 0), TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
    }

    [Theory]
    [InlineData("Europe/Berlin", 2026, 3, 27, 30, 2)]      // last Sunday of March: CET → CEST
    [InlineData("Europe/Berlin", 2026, 10, 23, 26, 1)]     // last Sunday of October: CEST → CET
    [InlineData("America/New_York", 2026, 3, 6, 9, -4)]    // second Sunday of March: EST → EDT
    [InlineData("America/New_York", 2026, 10, 30, 2, -5)]  // first Sunday of November: EDT → EST (due in November)
    [InlineData("Australia/Sydney", 2026, 10, 2, 5, 11)]   // first Sunday of October: AEST → AEDT
    [InlineData("Australia/Sydney", 2026, 4, 3, 6, 10)]    // first Sunday of April: AEDT → AEST
    public void Business_hours_across_a_dst_weekend_land_on_the_same_local_time_monday(string zone, int year, int month, int friday, int monday, int offsetAfter)
    {
        var opened = Local(zone, year, month, friday, 16);
        var due = Weekdays(zone, 9, 18).AddBusinessTime(opened, Four);

        var mondayMonth = monday < friday ? month + 1 : month;
        Assert.Equal(new DateTime(year, mondayMonth, monday, 11, 0, 0), TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
        Assert.Equal(TimeSpan.FromHours(offsetAfter), TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(due));
        Assert.Equal(Four, Weekdays(zone, 9, 18).BusinessTimeBetween(opened, due));
    }

    [Fact]
    public void Calendar_time_across_a_dst_change_counts_real_hours()
    {
        var saturday = Local("Europe/Berlin", 2026, 3, 28, 12);
        var localAllDay = new BusinessCalendar("b", "Berlin 24/7", "Europe/Berlin", [.. Enum.GetValues<DayOfWeek>().Select(d => new Shift(d, TimeOnly.MinValue, TimeOnly.MinValue))], []);

        Assert.Equal(saturday.AddHours(24), BusinessCalendar.AlwaysOpen.AddBusinessTime(saturday, TimeSpan.FromHours(24)));
        Assert.Equal(saturday.AddHours(24), localAllDay.AddBusinessTime(saturday, TimeSpan.FromHours(24)));
        Assert.Equal(13, TimeZoneInfo.ConvertTime(saturday.AddHours(24), localAllDay.Zone).Hour);
    }

    [Theory]
    [InlineData(2026, 3, 29, 5)]   // spring forward: 00:00–06:00 local is five real hours
    [InlineData(2026, 10, 25, 7)]  // fall back: seven
    [InlineData(2026, 11, 1, 6)]
    public void A_night_shift_spanning_the_change_counts_the_hour_gained_or_lost(int year, int month, int day, int hours)
    {
        var night = new BusinessCalendar("n", "Night", "Europe/Berlin", [new Shift(DayOfWeek.Sunday, TimeOnly.MinValue, new TimeOnly(6, 0))], []);
        var midnight = Local("Europe/Berlin", year, month, day, 0);

        Assert.Equal(TimeSpan.FromHours(hours), night.BusinessTimeBetween(midnight, midnight.AddDays(1)));
    }

    [Fact]
    public void Back_to_back_shifts_meeting_in_the_repeated_hour_never_count_it_twice()
    {
        var sunday = new BusinessCalendar("s", "Split night", "Europe/Berlin",
            [new Shift(DayOfWeek.Sunday, TimeOnly.MinValue, new TimeOnly(2, 30)), new Shift(DayOfWeek.Sunday, new TimeOnly(2, 30), new TimeOnly(6, 0))], []);
        var single = new BusinessCalendar("o", "Late start", "Europe/Berlin", [new Shift(DayOfWeek.Sunday, new TimeOnly(2, 30), new TimeOnly(5, 0))], []);
        var midnight = Local("Europe/Berlin", 2026, 10, 25, 0);

        Assert.Equal(TimeSpan.FromHours(7), sunday.BusinessTimeBetween(midnight, midnight.AddDays(1)));
        Assert.Equal(TimeSpan.FromHours(3.5), single.BusinessTimeBetween(midnight, midnight.AddDays(1)));
    }

    [Fact]
    public void Holidays_are_skipped()
    {
        var christmas = Weekdays("Europe/Berlin", 9, 18, new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25));

        var due = christmas.AddBusinessTime(Local("Europe/Berlin", 2026, 12, 23, 17), Four);

        Assert.Equal(Local("Europe/Berlin", 2026, 12, 28, 12), due);
    }

    [Fact]
    public void A_seoul_customer_served_from_sao_paulo_is_due_on_sao_paulo_hours()
    {
        var opened = Local("Asia/Seoul", 2026, 11, 23, 9);

        var due = Weekdays("America/Sao_Paulo").AddBusinessTime(opened, Four);

        Assert.Equal(Local("America/Sao_Paulo", 2026, 11, 23, 13), due);
        Assert.Equal(new DateTime(2026, 11, 24, 1, 0, 0), TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")).DateTime);
    }

    [Fact]
    public void Split_shifts_long_targets_and_edges()
    {
        var split = new BusinessCalendar("s", "Split", "Europe/Berlin",
            [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .SelectMany(d => new[] { new Shift(d, new TimeOnly(9, 0), new TimeOnly(12, 0)), new Shift(d, new TimeOnly(13, 0), new TimeOnly(18, 0)) })], []);
        var monday = Local("Europe/Berlin", 2026, 11, 23, 11);

        Assert.Equal(Local("Europe/Berlin", 2026, 11, 23, 14), split.AddBusinessTime(monday, TimeSpan.FromHours(2)));
        Assert.Equal(Local("Europe/Berlin", 2026, 11, 23, 9, 1), split.AddBusinessTime(Local("Europe/Berlin", 2026, 11, 23, 7), TimeSpan.FromMinutes(1)));
        Assert.Equal(Local("Europe/Berlin", 2026, 11, 23, 12), split.AddBusinessTime(Local("Europe/Berlin", 2026, 11, 23, 9), TimeSpan.FromHours(3)));
        // Eight hours a day, five days a week: 160 hours is four weeks.
        Assert.Equal(Local("Europe/Berlin", 2026, 12, 21, 11), split.AddBusinessTime(monday, TimeSpan.FromHours(160)));
    }

    [Fact]
    public void Business_time_between_is_the_inverse_of_adding_it()
    {
        var random = new Random(20261123);
        foreach (var zone in new[] { "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Seoul" })
        {
            var calendar = Weekdays(zone, 8, 17, new DateOnly(2026, 12, 25));
            for (var i = 0; i < 200; i++)
            {
                var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 365 * 24 * 60));
                var duration = TimeSpan.FromMinutes(random.Next(1, 60 * 200));

                Assert.Equal(duration, calendar.BusinessTimeBetween(start, calendar.AddBusinessTime(start, duration)));
            }
        }
    }
}
