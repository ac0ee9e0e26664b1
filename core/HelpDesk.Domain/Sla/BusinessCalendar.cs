namespace HelpDesk.Domain.Sla;

/// <summary>A working period on one weekday, in the calendar's local time; an <see cref="End"/> of 00:00 means midnight at the day's end.</summary>
public sealed record Shift(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    public TimeSpan StartOffset => Start.ToTimeSpan();

    public TimeSpan EndOffset => End == TimeOnly.MinValue ? TimeSpan.FromDays(1) : End.ToTimeSpan();
}

/// <summary>A whole local day off.</summary>
public sealed record Holiday(DateOnly Date, string Name);

/// <summary>
/// When a support team works: weekly shifts in an IANA time zone's wall-clock time (split shifts allowed), minus
/// holidays. Business time is measured in real elapsed time inside those shifts, so a shift spanning a DST change
/// counts the hour gained or lost, and 09:00–18:00 stays 09:00–18:00 local on both sides of the change.
/// </summary>
public sealed record BusinessCalendar(string Id, string Name, string TimeZoneId, IReadOnlyList<Shift> Shifts, IReadOnlyList<Holiday> Holidays)
{
    /// <summary>Around the clock in UTC: what "calendar time" targets are measured on.</summary>
    public static readonly BusinessCalendar AlwaysOpen = new(
        "always", "Calendar time (24/7)", "UTC", [.. Enum.GetValues<DayOfWeek>().Select(d => new Shift(d, TimeOnly.MinValue, TimeOnly.MinValue))], []);

    // Long enough for any target; a longer search means a calendar with no working time left.
    private const int MaxDaysSearched = 366 * 20;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>The instant when <paramref name="duration"/> of working time has passed after <paramref name="start"/>.</summary>
    /// <exception cref="InvalidOperationException">The calendar has no working time in the next 20 years.</exception>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return start;
        }

        var remaining = duration;
        foreach (var (from, to) in WorkingIntervals(start))
        {
            var length = to - from;
            if (length >= remaining)
            {
                return from + remaining;
            }

            remaining -= length;
        }

        throw new InvalidOperationException($"Calendar '{Id}' has no working time left within {MaxDaysSearched / 366} years of {start:u}.");
    }

    /// <summary>Working time in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
        {
            return total;
        }

        foreach (var (start, end) in WorkingIntervals(from))
        {
            if (start >= to)
            {
                break;
            }

            total += (end < to ? end : to) - start;
        }

        return total;
    }

    /// <summary>The working intervals from <paramref name="from"/> on, as UTC instants, clipped to start no earlier than it.</summary>
    public IEnumerable<(DateTimeOffset From, DateTimeOffset To)> WorkingIntervals(DateTimeOffset from)
    {
        var zone = Zone;
        var holidays = Holidays.Select(h => h.Date).ToHashSet();
        var byDay = Shifts.GroupBy(s => s.Day).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Start).ToArray());
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        for (var searched = 0; searched < MaxDaysSearched; searched++, day = day.AddDays(1))
        {
            if (holidays.Contains(day) || !byDay.TryGetValue(day.DayOfWeek, out var shifts))
            {
                continue;
            }

            var midnight = day.ToDateTime(TimeOnly.MinValue);
            foreach (var shift in shifts)
            {
                var start = ToInstant(midnight + shift.StartOffset, zone);
                var end = ToInstant(midnight + shift.EndOffset, zone);
                if (end <= from)
                {
                    continue;
                }

                yield return (start < from ? from : start, end);
            }
        }
    }

    /// <summary>
    /// A local wall-clock time as an instant: the first instant the zone's clock shows it or later. In a spring-forward
    /// gap that is the end of the gap; in a fall-back overlap, the first occurrence. The mapping never goes backwards,
    /// so shifts that do not overlap on the wall clock never overlap in time: nothing is counted twice, and a shift
    /// spanning the repeated hour counts it.
    /// </summary>
    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var after = local;
            while (zone.IsInvalidTime(after))
            {
                after = after.AddMinutes(1);
            }

            // The gap ends at a whole minute in every zone: the instant it ends is the first valid minute's.
            return new DateTimeOffset(after, zone.GetUtcOffset(after)).ToUniversalTime();
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the one before the clocks went back: the first occurrence.
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max()).ToUniversalTime();
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
