using System.Data.Common;
using System.Globalization;
using HelpDesk.Core.Storage;

namespace HelpDesk.Core.Reports;

/// <summary>
/// The ranking KPIs (durations, agents) from <see cref="ReportDigests"/> where the rollups could answer too (no
/// filter, a breakdown they keep, a time zone on quarter hours): the packed tickets of the whole quarter hours, and the
/// facts of the quarter hours marked for packing again and of the ragged ends. The ranks are the same exact nearest
/// ranks, over the same tickets.
/// </summary>
public sealed partial class ReportQueries
{
    /// <summary>Per-ticket columns the agents KPI reads: assignee, first response, rating.</summary>
    private static readonly string[] AgentColumns =
        [ReportFilters.Column(ReportDimension.Assignee), ReportDigests.Durations[(int)PackedDuration.FirstResponse], ReportDigests.Texts[(int)PackedText.Rating]];

    private Task<KpiReport> DurationsFromDigestsAsync(
        Kpi kpi, ReportQuery query, (long First, long End) slots, RollupAnchor anchor, PackedDuration measure, CancellationToken cancellationToken)
    {
        var duration = ReportDigests.Durations[(int)measure];
        var rolled = ReportRollups.Attributes.ToList().IndexOf(query.GroupBy);
        PackedText? attribute = rolled >= 0 ? (PackedText)rolled : null;
        var digestKey = attribute is null ? KeyOf(query, $"(d.bucket * {ReportRollups.SlotMilliseconds})") : "''";
        var sql = Digested(query, anchor, digestKey, [duration], $"{duration} IS NOT NULL");
        return IsTime(query.GroupBy)
            ? RankDigestedAsync(kpi, query, sql, slots, anchor, measure, null, Comparer<long>.Default, reader => Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), cancellationToken)
            : RankDigestedAsync(kpi, query, sql, slots, anchor, measure, attribute, StringComparer.Ordinal, reader => Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "", cancellationToken);
    }

    private async Task<KpiReport> RankDigestedAsync<TKey>(
        Kpi kpi, ReportQuery query, string sql, (long First, long End) slots, RollupAnchor anchor, PackedDuration measure, PackedText? attribute,
        IComparer<TKey> order, Func<DbDataReader, TKey> key, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var durations = new RankedDurations<TKey>(order);
        await ReadDigestedAsync(query, sql, slots, anchor, facts => durations.Add(key(facts), facts.GetInt64(2)), (reader, tickets) =>
        {
            var values = tickets.Durations(measure);
            if (attribute is { } text)
            {
                var keys = tickets.Texts(text);
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] is { } ms)
                    {
                        durations.Add((TKey)(object)keys[i]!, ms);
                    }
                }

                return;
            }

            var rowKey = key(reader);
            foreach (var value in values)
            {
                if (value is { } ms)
                {
                    durations.Add(rowKey, ms);
                }
            }
        }, cancellationToken);
        return DurationRows(kpi, query, durations);
    }

    private async Task<AgentTallies> AgentsFromDigestsAsync(ReportQuery query, (long First, long End) slots, CancellationToken cancellationToken)
    {
        var tallies = new AgentTallies();
        await ReadDigestedAsync(
            query, Digested(query, ReportRollups.Solves, "''", AgentColumns, null), slots, ReportRollups.Solves,
            facts => tallies.Add(facts.GetString(2), facts.NullableInt64(3), facts.NullableString(4)),
            (_, tickets) =>
            {
                var (agents, firstResponses, ratings) = (tickets.Texts(PackedText.Assignee), tickets.Durations(PackedDuration.FirstResponse), tickets.Texts(PackedText.Rating));
                for (var i = 0; i < agents.Length; i++)
                {
                    tallies.Add(agents[i]!, firstResponses[i], ratings[i]);
                }
            },
            cancellationToken);
        return tallies;
    }

    /// <summary>
    /// One statement, so one snapshot of which quarter hours are marked: each whole quarter hour comes either packed
    /// (key, data, then nulls) or, when marked, as its facts rows (key, null, then <paramref name="factColumns"/>), never
    /// both; the ragged ends come as facts rows.
    /// </summary>
    private static string Digested(ReportQuery query, RollupAnchor anchor, string digestKey, IReadOnlyList<string> factColumns, string? factCondition)
    {
        var (time, slot) = ($"t.{anchor.Time}", ReportRollups.SlotMilliseconds);
        var facts = $"SELECT {KeyOf(query, time)}, NULL, {string.Join(", ", factColumns)}";
        var condition = factCondition is null ? "" : $" AND {factCondition}";
        return $"""
            SELECT {digestKey}, d.data, {string.Join(", ", factColumns.Select(_ => "NULL"))} FROM report_digests d
            WHERE d.anchor = @anchor AND d.bucket >= @first AND d.bucket < @end
              AND NOT EXISTS (SELECT 1 FROM report_digest_marks m WHERE m.anchor = d.anchor AND m.bucket = d.bucket)
            UNION ALL
            {facts} FROM report_digest_marks m CROSS JOIN report_facts t
            WHERE m.anchor = @anchor AND m.bucket >= @first AND m.bucket < @end AND {time} >= m.bucket * {slot} AND {time} < (m.bucket + 1) * {slot}{condition}
            UNION ALL
            {facts} FROM report_facts t WHERE {time} >= @from AND {time} < @firstAt{condition}
            UNION ALL
            {facts} FROM report_facts t WHERE {time} >= @endAt AND {time} < @to{condition}
            """;
    }

    private Task ReadDigestedAsync(
        ReportQuery query, string sql, (long First, long End) slots, RollupAnchor anchor, Action<DbDataReader> takeFacts, Action<DbDataReader, PackedTickets> takePacked,
        CancellationToken cancellationToken) =>
        database.ReadEachAsync(
            sql,
            command => command.With("@anchor", anchor.Name).With("@first", slots.First).With("@end", slots.End)
                .With("@from", query.From.ToUnixTimeMilliseconds()).With("@firstAt", slots.First * ReportRollups.SlotMilliseconds)
                .With("@endAt", slots.End * ReportRollups.SlotMilliseconds).With("@to", query.To.ToUnixTimeMilliseconds()),
            reader =>
            {
                if (reader.IsDBNull(1))
                {
                    takeFacts(reader);
                }
                else
                {
                    takePacked(reader, PackedTickets.Read((byte[])reader.GetValue(1)));
                }
            },
            cancellationToken);
}
