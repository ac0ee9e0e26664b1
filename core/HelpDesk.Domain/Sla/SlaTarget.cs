namespace HelpDesk.Domain.Sla;

public enum SlaTargetKind
{
    /// <summary>From opening to the first public agent reply.</summary>
    FirstResponse,

    /// <summary>From a customer's reply (with no agent reply since) to the next public agent reply.</summary>
    NextResponse,

    /// <summary>From opening to solved.</summary>
    Resolution,
}

public enum SlaState
{
    Ok,
    Warning,
    Breached,
    Paused,
    Met,
}

/// <summary>A target as applied to one ticket: how long, on which calendar (a copy, so later edits do not move due times).</summary>
public sealed record SlaTarget(SlaTargetKind Kind, TimeSpan Duration, BusinessCalendar Calendar);

/// <summary>A period the clocks stood still (pending, on hold, solved); <see cref="To"/> null while it lasts.</summary>
public sealed record SlaPause(DateTimeOffset From, DateTimeOffset? To);

/// <summary>Business time on a target's calendar with a ticket's pauses taken out.</summary>
public static class SlaClock
{
    /// <summary>
    /// The instant when <paramref name="amount"/> of unpaused business time has passed since <paramref name="start"/>;
    /// null when a pause still open comes first (the clock stands).
    /// </summary>
    public static DateTimeOffset? InstantAfter(BusinessCalendar calendar, DateTimeOffset start, IReadOnlyList<SlaPause> pauses, TimeSpan amount)
    {
        var cursor = start;
        var remaining = amount;
        foreach (var pause in pauses)
        {
            if (pause.To is { } end && end <= cursor)
            {
                continue;
            }

            if (pause.From > cursor)
            {
                var running = calendar.BusinessTimeBetween(cursor, pause.From);
                if (running >= remaining)
                {
                    return calendar.AddBusinessTime(cursor, remaining);
                }

                remaining -= running;
            }

            if (pause.To is not { } resumed)
            {
                return null;
            }

            cursor = resumed;
        }

        return calendar.AddBusinessTime(cursor, remaining);
    }

    /// <summary>Unpaused business time between <paramref name="start"/> and <paramref name="until"/>.</summary>
    public static TimeSpan Elapsed(BusinessCalendar calendar, DateTimeOffset start, IReadOnlyList<SlaPause> pauses, DateTimeOffset until)
    {
        var elapsed = calendar.BusinessTimeBetween(start, until);
        foreach (var pause in pauses)
        {
            var from = pause.From > start ? pause.From : start;
            var to = pause.To is { } end && end < until ? end : until;
            elapsed -= calendar.BusinessTimeBetween(from, to);
        }

        return elapsed;
    }
}
