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
            $"SELECT {bucket} AS b, COUNT(*) FROM report_facts t WHERE t.created_at < @to AND (t.solved_at IS NULL OR t.solved_at >= @to) GROUP BY 1 ORDER BY 1",
            command => command.With("@to", to),
            reader => (Bucket: reader.GetInt32(0), Count: reader.GetInt64(1)),
            cancellationToken);
        string[] names = ["under-1-day", "1-3-days", "3-7-days", "7-30-days", "30-days-and-over"];
        return new KpiReport(kpi, query, [.. names.Select((name, i) => new ReportRow(name, [rows.FirstOrDefault(r => r.Bucket == i).Count]))]);
    }

    private async Task<KpiReport> EscalationsAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken)
    {
        string Json(string member) => database.JsonText("e.data", member);
        var sql = $"""
            WITH r AS (
                SELECT e.ticket, {Json("escalationId")} AS id, {Json("target")} AS target, e.occurred_at AS at FROM ticket_events e
                WHERE e.type = 'escalation-requested' AND e.occurred_at >= @from AND e.occurred_at < @to),
            d AS (
                SELECT e.ticket, {Json("escalationId")} AS id, MIN(e.occurred_at) AS at FROM ticket_events e
                WHERE e.type = 'escalated' GROUP BY e.ticket, {Json("escalationId")}),
            x AS (SELECT r.target AS k, d.at - r.at AS ms FROM r LEFT JOIN d ON d.ticket = r.ticket AND d.id = r.id),
            w AS (
                SELECT k, ms, ROW_NUMBER() OVER (PARTITION BY k ORDER BY CASE WHEN ms IS NULL THEN 1 ELSE 0 END, ms) AS rn,
                    COUNT(*) OVER (PARTITION BY k) AS n, COUNT(ms) OVER (PARTITION BY k) AS m
                FROM x)
            SELECT k, MAX(n), MAX(m), MAX(CASE WHEN rn = (m + 1) / 2 THEN ms END), MAX(CASE WHEN rn = (9 * m + 9) / 10 THEN ms END)
            FROM w GROUP BY k ORDER BY 1
            """;
        var rows = await database.QueryAsync(
            sql, command => Bind(command, query),
            reader => (Key: reader.GetString(0), Requested: reader.GetInt64(1), Done: reader.GetInt64(2),
                Median: reader.IsDBNull(3) ? (long?)null : reader.GetInt64(3), P90: reader.IsDBNull(4) ? (long?)null : reader.GetInt64(4)),
            cancellationToken);
        return Report(kpi, query, rows.Select(r => new ReportRow(r.Key, [r.Requested, r.Done, r.Median / 60_000.0, r.P90 / 60_000.0])));
    }

    private async Task<KpiReport> AgentsAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH x AS (
                SELECT COALESCE(t.assignee, '') AS k, t.first_agent_reply_at - t.created_at AS ms,
                    CASE WHEN t.rating IS NOT NULL THEN 1 ELSE 0 END AS rated, CASE WHEN t.rating = 'good' THEN 1 ELSE 0 END AS good
                FROM report_facts t WHERE t.solved_at >= @from AND t.solved_at < @to),
            w AS (
                SELECT k, ms, rated, good, COUNT(ms) OVER (PARTITION BY k) AS m,
                    ROW_NUMBER() OVER (PARTITION BY k ORDER BY CASE WHEN ms IS NULL THEN 1 ELSE 0 END, ms) AS rn
                FROM x)
            SELECT k, COUNT(*), MAX(CASE WHEN rn = (m + 1) / 2 THEN ms END), SUM(rated), SUM(good) FROM w GROUP BY k ORDER BY 1
            """;
        var rows = await database.QueryAsync(
            sql, command => Bind(command, query),
            reader => (Key: reader.GetString(0), Solved: reader.GetInt64(1), Median: reader.IsDBNull(2) ? (long?)null : reader.GetInt64(2),
                Rated: reader.GetInt64(3), Good: reader.GetInt64(4)),
            cancellationToken);
        return Report(kpi, query, rows.Select(r => new ReportRow(r.Key, [r.Solved, r.Median / 60_000.0, r.Rated, Ratio(r.Good, r.Rated)])));
    }
}
