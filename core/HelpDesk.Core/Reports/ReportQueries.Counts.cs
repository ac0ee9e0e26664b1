using System.Globalization;
using HelpDesk.Core.Storage;

namespace HelpDesk.Core.Reports;

/// <summary>
/// The counting KPIs' sums: the whole quarter hours of the range from <see cref="ReportRollups"/> when they can answer
/// (no filter, a breakdown they keep, a time zone on quarter hours), the ragged ends and everything else from the facts.
/// </summary>
public sealed partial class ReportQueries
{
    /// <summary>
    /// Per key, in key order, the sums of <paramref name="measures"/> over the tickets whose <paramref name="anchor"/>
    /// time is in range; the first measure counts the tickets, and keys with none are left out.
    /// </summary>
    private async Task<IReadOnlyList<(object Key, long[] Counts)>> CountsAsync(
        ReportQuery query, RollupAnchor anchor, IReadOnlyList<RollupMeasure> measures, CancellationToken cancellationToken)
    {
        var totals = new Dictionary<object, long[]>();
        async Task AddAsync(string sql, Action<System.Data.Common.DbCommand> bind) =>
            await database.ReadEachAsync(sql, bind, reader =>
            {
                var key = IsTime(query.GroupBy) ? Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture) : (object)(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
                var sums = totals.TryGetValue(key, out var known) ? known : totals[key] = new long[measures.Count];
                for (var i = 0; i < sums.Length; i++)
                {
                    sums[i] += reader.IsDBNull(i + 1) ? 0 : reader.GetInt64(i + 1);
                }
            }, cancellationToken);

        var (from, to) = (query.From.ToUnixTimeMilliseconds(), query.To.ToUnixTimeMilliseconds());
        var fromFacts = new List<(long From, long To)>();
        if (RollupSlots(query) is var (first, end))
        {
            var sums = string.Join(", ", measures.Select(m => $"SUM(r.{m.Column})"));
            var key = ReportFilters.IsFilterable(query.GroupBy) ? "r.value" : KeyOf(query, $"(r.bucket * {ReportRollups.SlotMilliseconds})");
            await AddAsync(
                $"SELECT {key} AS k, {sums} FROM report_rollups r WHERE r.anchor = @anchor AND r.dimension = @dimension AND r.bucket >= @first AND r.bucket < @end GROUP BY 1",
                command => command.With("@anchor", anchor.Name).With("@dimension", RollupDimension(query.GroupBy)).With("@first", first).With("@end", end));
            fromFacts.AddRange(new[] { (from, first * ReportRollups.SlotMilliseconds), (end * ReportRollups.SlotMilliseconds, to) }.Where(r => r.Item1 < r.Item2));
        }
        else
        {
            fromFacts.Add((from, to));
        }

        var time = $"t.{anchor.Time}";
        var factSums = string.Join(", ", measures.Select(m => $"SUM({m.On("t")})"));
        foreach (var (rangeFrom, rangeTo) in fromFacts)
        {
            await AddAsync(
                $"SELECT {KeyOf(query, time)} AS k, {factSums} FROM report_facts t WHERE {time} >= @from AND {time} < @to{ReportFilters.Sql(query.Filters)} GROUP BY 1",
                command => command.With("@from", rangeFrom).With("@to", rangeTo).WithFilters(query.Filters));
        }

        return [.. InKeyOrder(query, totals.Where(t => t.Value[0] != 0).Select(t => (t.Key, Counts: t.Value)), r => r.Key)];
    }

    /// <summary>
    /// The whole quarter hours of the range the rollups (and the digests) can answer for, as slot numbers (first, end
    /// exclusive); null when they cannot.
    /// </summary>
    private static (long First, long End)? RollupSlots(ReportQuery query)
    {
        var (from, to) = (query.From.ToUnixTimeMilliseconds(), query.To.ToUnixTimeMilliseconds());
        var kept = query.GroupBy is ReportDimension.None || IsTime(query.GroupBy) || ReportRollups.Attributes.Contains(query.GroupBy);
        if (query.Filters.Count > 0 || !kept || !ZoneOffsets.OnQuarterHours(query.TimeZone, query.From, query.To))
        {
            return null;
        }

        var first = (from / ReportRollups.SlotMilliseconds) + (from % ReportRollups.SlotMilliseconds > 0 ? 1 : 0);
        var end = to / ReportRollups.SlotMilliseconds;
        return from >= 0 && first < end ? (first, end) : null;
    }

    private static string RollupDimension(ReportDimension groupBy) =>
        groupBy is ReportDimension.None || IsTime(groupBy) ? ReportRollups.Everything : ReportRollups.Dimension(groupBy);
}
