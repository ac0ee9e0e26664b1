using HelpDesk.Core.Storage;

namespace HelpDesk.Core.Reports;

/// <summary>The KPIs with one fixed breakdown: backlog by age, escalations by target, agents by assignee.</summary>
public sealed partial class ReportQueries
{
    private async Task<KpiReport> BacklogAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken)
    {
        var to = query.To.ToUnixTimeMilliseconds();
        var bucket = $"""
            CASE WHEN @to - t.created_at < {Day} THEN 0 WHEN @to - t.created_at < {3 * Day} THEN 1 WHEN @to - t.created_at < {7 * Day} THEN 2
                 WHEN @to - t.created_at < {30 * Day} THEN 3 ELSE 4 END
            """;
        var rows = await database.QueryAsync(
            // Open now, or solved only after `to`: two small index ranges (the open tickets, the solves since), never every ticket.
            $"""
            SELECT {bucket} AS b, COUNT(*) FROM (
                SELECT t.created_at FROM report_facts t WHERE t.solved_at IS NULL AND t.created_at < @to{ReportFilters.Sql(query.Filters)}
                UNION ALL
                SELECT t.created_at FROM report_facts t WHERE t.solved_at >= @to AND t.created_at < @to{ReportFilters.Sql(query.Filters)}) t
            GROUP BY 1
            """,
            command => command.With("@to", to).WithFilters(query.Filters),
            reader => (Bucket: reader.GetInt32(0), Count: reader.GetInt64(1)),
            cancellationToken);
        string[] names = ["under-1-day", "1-3-days", "3-7-days", "7-30-days", "30-days-and-over"];
        return new KpiReport(kpi, query, [.. names.Select((name, i) => new ReportRow(name, [rows.FirstOrDefault(r => r.Bucket == i).Count]))]);
    }

    private async Task<KpiReport> EscalationsAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT x.target, x.done_at - x.requested_at FROM report_escalations x{(query.Filters.Count > 0 ? " JOIN report_facts t ON t.number = x.ticket" : "")}
            WHERE x.requested_at >= @from AND x.requested_at < @to{ReportFilters.Sql(query.Filters)}
            """;
        var requested = new Dictionary<string, long>();
        var done = new RankedDurations<string>(StringComparer.Ordinal);
        await database.ReadEachAsync(
            sql, command => Bind(command, query),
            reader =>
            {
                var target = reader.GetString(0);
                requested[target] = requested.GetValueOrDefault(target) + 1;
                if (!reader.IsDBNull(1))
                {
                    done.Add(target, reader.GetInt64(1));
                }
            },
            cancellationToken);
        return Report(kpi, query, requested.Keys.Order(StringComparer.Ordinal).Select(target =>
        {
            var ranks = done.Of(target);
            return new ReportRow(target, [requested[target], ranks.Count, ranks.Median / 60_000.0, ranks.P90 / 60_000.0]);
        }));
    }

    private async Task<KpiReport> AgentsAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken)
    {
        AgentTallies tallies;
        if (RollupSlots(query) is { } slots)
        {
            tallies = await AgentsFromDigestsAsync(query, slots, cancellationToken);
        }
        else if (database.Provider == StorageProvider.PostgreSql)
        {
            return await AgentsInDatabaseAsync(kpi, query, cancellationToken);
        }
        else
        {
            tallies = await ReadInPartsAsync(
                query,
                $"SELECT {string.Join(", ", AgentColumns)} FROM report_facts t WHERE t.solved_at >= @from AND t.solved_at < @to{ReportFilters.Sql(query.Filters)}",
                () => new AgentTallies(),
                (agents, reader) => agents.Add(reader.GetString(0), reader.NullableInt64(1), reader.NullableString(2)),
                (all, part) => all.Add(part),
                cancellationToken);
        }

        return Report(kpi, query, tallies.Agents.Select(agent =>
        {
            var (solved, rated, good) = tallies.Counts[agent];
            return new ReportRow(agent, [solved, tallies.FirstResponses.Of(agent).Median / 60_000.0, rated, Ratio(good, rated)]);
        }));
    }

    /// <summary>Per assignee: solved, rated and rated good, and the first-response durations to rank.</summary>
    private sealed class AgentTallies
    {
        public Dictionary<string, (long Solved, long Rated, long Good)> Counts { get; } = [];

        public RankedDurations<string> FirstResponses { get; } = new(StringComparer.Ordinal);

        public IEnumerable<string> Agents => Counts.Keys.Order(StringComparer.Ordinal);

        public void Add(string agent, long? firstResponse, string? rating)
        {
            if (firstResponse is { } ms)
            {
                FirstResponses.Add(agent, ms);
            }

            var (solved, rated, good) = Counts.GetValueOrDefault(agent);
            Counts[agent] = (solved + 1, rated + (rating is null ? 0 : 1), good + (rating == "good" ? 1 : 0));
        }

        public void Add(AgentTallies other)
        {
            FirstResponses.Add(other.FirstResponses);
            foreach (var (agent, (solved, rated, good)) in other.Counts)
            {
                var mine = Counts.GetValueOrDefault(agent);
                Counts[agent] = (mine.Solved + solved, mine.Rated + rated, mine.Good + good);
            }
        }
    }

    private async Task<KpiReport> AgentsInDatabaseAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT COALESCE(t.assignee, '') AS k, COUNT(*), {Nearest(0.5, "t.first_agent_reply_at - t.created_at")},
                SUM(CASE WHEN t.rating IS NOT NULL THEN 1 ELSE 0 END), SUM(CASE WHEN t.rating = 'good' THEN 1 ELSE 0 END)
            FROM report_facts t WHERE t.solved_at >= @from AND t.solved_at < @to{ReportFilters.Sql(query.Filters)} GROUP BY 1
            """;
        var rows = await database.QueryAsync(
            sql, command => Bind(command, query),
            reader => (Key: reader.GetString(0), Solved: reader.GetInt64(1), Median: reader.IsDBNull(2) ? (long?)null : reader.GetInt64(2),
                Rated: reader.GetInt64(3), Good: reader.GetInt64(4)),
            cancellationToken);
        return Report(kpi, query, rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r =>
            new ReportRow(r.Key, [r.Solved, r.Median / 60_000.0, r.Rated, Ratio(r.Good, r.Rated)])));
    }
}
