using System.Globalization;
using System.Text;

namespace HelpDesk.Core.Reports;

/// <summary>
/// A time zone's UTC offsets over a range as a SQL expression on a Unix-milliseconds column, so hours and days can be
/// grouped in the database on both SQLite and PostgreSQL (neither SQLite nor portable SQL knows IANA zones): the offset
/// is constant between transitions, which are found here.
/// </summary>
internal static class ZoneOffsets
{
    public static string LocalMilliseconds(string column, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var spans = Spans(zone, from.AddDays(-2), to.AddDays(2));
        if (spans.Count == 1)
        {
            return $"({column} + {Ms(spans[0].Offset)})";
        }

        var sql = new StringBuilder($"({column} + CASE");
        foreach (var (until, offset) in spans.Take(spans.Count - 1))
        {
            sql.Append(CultureInfo.InvariantCulture, $" WHEN {column} < {until.ToUnixTimeMilliseconds()} THEN {Ms(offset)}");
        }

        return sql.Append(CultureInfo.InvariantCulture, $" ELSE {Ms(spans[^1].Offset)} END)").ToString();
    }

    /// <summary>
    /// Whether the zone's offsets over the range, and the instants they change, fall on whole quarter hours of UTC, so
    /// each quarter hour of UTC lies in one local hour and one local day (true of every zone in use today).
    /// </summary>
    public static bool OnQuarterHours(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var quarter = TimeSpan.FromMinutes(15);
        return Spans(zone, from.AddDays(-2), to.AddDays(2)).All(span =>
            span.Offset.Ticks % quarter.Ticks == 0 && (span.Until == DateTimeOffset.MaxValue || span.Until.UtcTicks % quarter.Ticks == 0));
    }

    /// <summary>Each offset with the instant it stops applying; the last one applies to the end.</summary>
    private static List<(DateTimeOffset Until, TimeSpan Offset)> Spans(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var spans = new List<(DateTimeOffset, TimeSpan)>();
        var offset = zone.GetUtcOffset(from);
        for (var at = from; at < to; at = at.AddHours(1))
        {
            var next = at.AddHours(1);
            if (zone.GetUtcOffset(next) == offset)
            {
                continue;
            }

            // The change lies in this hour: narrow it down to the second.
            var (low, high) = (at, next);
            while (high - low > TimeSpan.FromSeconds(1))
            {
                var middle = low + ((high - low) / 2);
                (low, high) = zone.GetUtcOffset(middle) == offset ? (middle, high) : (low, middle);
            }

            // Zones change on whole seconds: the change is at the second the search landed in, or that second's start.
            var second = new DateTimeOffset(high.Ticks - (high.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            spans.Add((zone.GetUtcOffset(second) != offset ? second : high, offset));
            offset = zone.GetUtcOffset(next);
        }

        spans.Add((DateTimeOffset.MaxValue, offset));
        return spans;
    }

    private static string Ms(TimeSpan offset) => ((long)offset.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
