namespace HelpDesk.Core.Retries;

/// <summary>The wait before a retry of work kept apart from the feed (escalations, report mail): doubling, capped.</summary>
public static class RetryBackoff
{
    /// <summary><paramref name="first"/> doubled <paramref name="doublings"/> times, never over <paramref name="max"/>.</summary>
    public static TimeSpan Doubling(TimeSpan first, TimeSpan max, int doublings) =>
        TimeSpan.FromTicks(Math.Min(first.Ticks << Math.Clamp(doublings, 0, 20), max.Ticks));
}
