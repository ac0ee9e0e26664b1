using System.Globalization;
using HelpDesk.Core.Storage;

namespace HelpDesk.Core.Reports;

/// <summary>
/// The duration KPIs (first response, resolution; calendar and business time): per key, the count and the nearest-rank
/// median and p90. Where the digests can answer (<c>ReportQueries.Digests</c>) both providers rank the packed values
/// here; otherwise (a filter, a breakdown by customer, organisation or assignee) PostgreSQL ranks in the query with
/// <c>percentile_disc</c>, and SQLite, which has no such function and whose window functions take seconds at a million
/// tickets, streams the values into <see cref="RankedDurations{TKey}"/>.
/// </summary>
public sealed partial class ReportQueries
{
    private const int MaxParts = 4;

    /// <summary>The count, median and p90 of <paramref name="measure"/> (null: not counted), for tickets whose <paramref name="anchor"/> time is in range.</summary>
    private Task<KpiReport> DurationsAsync(Kpi kpi, ReportQuery query, RollupAnchor anchor, PackedDuration measure, CancellationToken cancellationToken)
    {
        if (RollupSlots(query) is { } slots)
        {
            return DurationsFromDigestsAsync(kpi, query, slots, anchor, measure, cancellationToken);
        }

        var (time, duration) = ($"t.{anchor.Time}", ReportDigests.Durations[(int)measure]);
        var range = $"FROM report_facts t WHERE {time} >= @from AND {time} < @to AND {duration} IS NOT NULL{ReportFilters.Sql(query.Filters)}";
        if (database.Provider == StorageProvider.PostgreSql)
        {
            // PostgreSQL ranks in the query (percentile_disc is the nearest rank: the first value at or past the fraction).
            return RankedInDatabaseAsync(kpi, query, $"SELECT {KeyOf(query, time)} AS k, COUNT(*), {Nearest(0.5, duration)}, {Nearest(0.9, duration)} {range} GROUP BY 1", cancellationToken);
        }

        var sql = $"SELECT {KeyOf(query, time)}, {duration} {range}";
        return IsTime(query.GroupBy)
            ? RankAsync(kpi, query, sql, Comparer<long>.Default, reader => reader.GetInt64(0), cancellationToken)
            : RankAsync(kpi, query, sql, StringComparer.Ordinal, reader => reader.GetString(0), cancellationToken);
    }

    private static string Nearest(double fraction, string value) =>
        $"percentile_disc({fraction.ToString(CultureInfo.InvariantCulture)}) WITHIN GROUP (ORDER BY {value})";

    private async Task<KpiReport> RankedInDatabaseAsync(Kpi kpi, ReportQuery query, string sql, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync(
            sql, command => Bind(command, query),
            reader => (Key: reader.GetValue(0), Count: reader.GetInt64(1), Median: reader.GetInt64(2), P90: reader.GetInt64(3)),
            cancellationToken);
        return Report(kpi, query, InKeyOrder(query, rows, r => r.Key).Select(r => new ReportRow(KeyText(query, r.Key), [r.Count, r.Median / 60_000.0, r.P90 / 60_000.0])));
    }

    private async Task<KpiReport> RankAsync<TKey>(
        Kpi kpi, ReportQuery query, string sql, IComparer<TKey> order, Func<System.Data.Common.DbDataReader, TKey> key, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var durations = await ReadInPartsAsync(
            query, sql, () => new RankedDurations<TKey>(order), (durations, reader) => durations.Add(key(reader), reader.GetInt64(1)), (all, part) => all.Add(part), cancellationToken);
        return DurationRows(kpi, query, durations);
    }

    /// <summary>A row per key in key order: the count, median and p90 in minutes.</summary>
    private static KpiReport DurationRows<TKey>(Kpi kpi, ReportQuery query, RankedDurations<TKey> durations)
        where TKey : notnull =>
        Report(kpi, query, durations.Keys.Select(k =>
        {
            var ranks = durations.Of(k);
            return new ReportRow(KeyText(query, k), [ranks.Count, ranks.Median / 60_000.0, ranks.P90 / 60_000.0]);
        }));

    /// <summary>
    /// Streams <paramref name="sql"/> (on <c>@from</c>/<c>@to</c> and the filters) as consecutive parts of the range, one
    /// per core, each on its own connection into its own accumulator, then merges the parts into the first: SQLite runs
    /// a query on one core, and streaming a million durations is most of a duration KPI's time.
    /// </summary>
    private async Task<T> ReadInPartsAsync<T>(
        ReportQuery query, string sql, Func<T> create, Action<T, System.Data.Common.DbDataReader> take, Action<T, T> merge, CancellationToken cancellationToken)
    {
        var (from, to) = (query.From.ToUnixTimeMilliseconds(), query.To.ToUnixTimeMilliseconds());
        var count = Math.Clamp(Environment.ProcessorCount, 1, MaxParts);
        var parts = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var accumulator = create();
            var (partFrom, partTo) = (from + ((to - from) * i / count), from + ((to - from) * (i + 1) / count));
            await database.ReadEachAsync(
                sql, command => command.With("@from", partFrom).With("@to", partTo).WithFilters(query.Filters), reader => take(accumulator, reader), cancellationToken);
            return accumulator;
        }));
        foreach (var part in parts.Skip(1))
        {
            merge(parts[0], part);
        }

        return parts[0];
    }
}
