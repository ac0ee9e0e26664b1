using System.Globalization;
using HelpDesk.Core.Storage;

namespace HelpDesk.Core.Reports;

/// <summary>
/// KPIs computed in SQL on the projection (and, for reopens, the event log), the same statements on SQLite and
/// PostgreSQL: counts and nearest-rank percentiles with window functions, hours and days in the report's time zone
/// through <see cref="ZoneOffsets"/>. Never a grain.
/// </summary>
public sealed class ReportQueries(Database database)
{
    private const long Day = 86_400_000;
    private static readonly string[] Weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    public Task<KpiReport> RunAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken) => kpi.Name switch
    {
        "volume" => CountAsync(kpi, query, "t.created_at", cancellationToken),
        "first-response-time" => DurationsAsync(kpi, query, "t.created_at", "t.first_agent_reply_at", cancellationToken),
        "resolution-time" => DurationsAsync(kpi, query, "t.solved_at", "t.solved_at", cancellationToken),
        "backlog" => BacklogAsync(kpi, query, cancellationToken),
        "csat" => SatisfactionAsync(kpi, query, cancellationToken),
        "reopen-rate" => ReopensAsync(kpi, query, cancellationToken),
        "first-contact-resolution" => FirstContactAsync(kpi, query, cancellationToken),
        "proactive-share" => ProactiveAsync(kpi, query, cancellationToken),
        "sla-compliance" => SlaComplianceAsync(kpi, query, cancellationToken),
        "escalations" => EscalationsAsync(kpi, query, cancellationToken),
        _ => throw new ArgumentException($"No KPI named '{kpi.Name}'.", nameof(kpi)),
    };

    private async Task<KpiReport> CountAsync(Kpi kpi, ReportQuery query, string time, CancellationToken cancellationToken)
    {
        var key = KeyOf(query, time);
        var rows = await database.QueryAsync(
            $"SELECT {key} AS k, COUNT(*) FROM tickets t WHERE {time} >= @from AND {time} < @to GROUP BY 1 ORDER BY 1",
            command => Bind(command, query),
            reader => (Key: reader.GetValue(0), Count: reader.GetInt64(1)),
            cancellationToken);
        return Report(kpi, query, rows.Select(r => new ReportRow(KeyText(query, r.Key), [r.Count])));
    }

    /// <summary>Minutes from opening to <paramref name="end"/>, for tickets whose <paramref name="time"/> is in range.</summary>
    private async Task<KpiReport> DurationsAsync(Kpi kpi, ReportQuery query, string time, string end, CancellationToken cancellationToken)
    {
        var key = KeyOf(query, time);
        var sql = $"""
            WITH d AS (
                SELECT {key} AS k, {end} - t.created_at AS ms FROM tickets t
                WHERE {time} >= @from AND {time} < @to AND {end} IS NOT NULL),
            r AS (SELECT k, ms, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ms) AS rn, COUNT(*) OVER (PARTITION BY k) AS n FROM d)
            SELECT k, MAX(n), MAX(CASE WHEN rn = (n + 1) / 2 THEN ms END), MAX(CASE WHEN rn = (9 * n + 9) / 10 THEN ms END)
            FROM r GROUP BY k ORDER BY 1
            """;
        var rows = await database.QueryAsync(
            sql, command => Bind(command, query),
            reader => (Key: reader.GetValue(0), Count: reader.GetInt64(1), Median: reader.GetInt64(2), P90: reader.GetInt64(3)),
            cancellationToken);
        return Report(kpi, query, rows.Select(r => new ReportRow(KeyText(query, r.Key), [r.Count, r.Median / 60_000.0, r.P90 / 60_000.0])));
    }

    private async Task<KpiReport> BacklogAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken)
    {
        var to = query.To.ToUnixTimeMilliseconds();
        var bucket = $"""
            CASE WHEN @to - t.created_at < {Day} THEN 0 WHEN @to - t.created_at < {3 * Day} THEN 1 WHEN @to - t.created_at < {7 * Day} THEN 2
                 WHEN @to - t.created_at < {30 * Day} THEN 3 ELSE 4 END
            """;
        var rows = await database.QueryAsync(
            $"SELECT {bucket} AS b, COUNT(*) FROM tickets t WHERE t.created_at < @to AND (t.solved_at IS NULL OR t.solved_at >= @to) GROUP BY 1 ORDER BY 1",
            command => command.With("@to", to),
            reader => (Bucket: reader.GetInt32(0), Count: reader.GetInt64(1)),
            cancellationToken);
        string[] names = ["under-1-day", "1-3-days", "3-7-days", "7-30-days", "30-days-and-over"];
        return new KpiReport(kpi, query, [.. names.Select((name, i) => new ReportRow(name, [rows.FirstOrDefault(r => r.Bucket == i).Count]))]);
    }

    private async Task<KpiReport> SatisfactionAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken)
    {
        var key = KeyOf(query, "t.solved_at");
        var rated = "t.satisfaction IS NOT NULL AND t.rated_solved_version = t.solved_version";
        var sql = $"""
            SELECT {key} AS k, COUNT(*),
                SUM(CASE WHEN {rated} THEN 1 ELSE 0 END),
                SUM(CASE WHEN {rated} AND t.satisfaction = 'good' THEN 1 ELSE 0 END),
                SUM(CASE WHEN {rated} AND t.satisfaction = 'neutral' THEN 1 ELSE 0 END),
                SUM(CASE WHEN {rated} AND t.satisfaction = 'bad' THEN 1 ELSE 0 END)
            FROM tickets t WHERE t.solved_at >= @from AND t.solved_at < @to GROUP BY 1 ORDER BY 1
            """;
        var rows = await database.QueryAsync(
            sql, command => Bind(command, query),
            reader => (Key: reader.GetValue(0), Solved: reader.GetInt64(1), Rated: reader.GetInt64(2), Good: reader.GetInt64(3), Neutral: reader.GetInt64(4), Bad: reader.GetInt64(5)),
            cancellationToken);
        return Report(kpi, query, rows.Select(r => new ReportRow(
            KeyText(query, r.Key), [r.Solved, r.Rated, r.Good, r.Neutral, r.Bad, Ratio(r.Good, r.Rated), Ratio(r.Rated, r.Solved)])));
    }

    private async Task<KpiReport> ReopensAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken)
    {
        var key = KeyOf(query, "t.solved_at");
        // Events are stored as JSON with a stable spelling (TicketEventJson): a move out of solved reads "from":"solved".
        var sql = $"""
            SELECT {key} AS k, COUNT(*),
                SUM(CASE WHEN EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket = t.number AND e.type = 'status-changed' AND e.data LIKE '%"from":"solved"%')
                    THEN 1 ELSE 0 END)
            FROM tickets t WHERE t.solved_at >= @from AND t.solved_at < @to GROUP BY 1 ORDER BY 1
            """;
        var rows = await database.QueryAsync(
            sql, command => Bind(command, query),
            reader => (Key: reader.GetValue(0), Solved: reader.GetInt64(1), Reopened: reader.GetInt64(2)),
            cancellationToken);
        return Report(kpi, query, rows.Select(r => new ReportRow(KeyText(query, r.Key), [r.Solved, r.Reopened, Ratio(r.Reopened, r.Solved)])));
    }

    private async Task<KpiReport> FirstContactAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken)
    {
        var key = KeyOf(query, "t.solved_at");
        var sql = $"""
            SELECT {key} AS k, COUNT(*),
                SUM(CASE WHEN (SELECT COUNT(*) FROM ticket_events e WHERE e.ticket = t.number AND e.type = 'agent-replied') = 1
                    AND NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket = t.number AND e.type = 'status-changed' AND e.data LIKE '%"from":"solved"%')
                    THEN 1 ELSE 0 END)
            FROM tickets t WHERE t.solved_at >= @from AND t.solved_at < @to GROUP BY 1 ORDER BY 1
            """;
        var rows = await database.QueryAsync(
            sql, command => Bind(command, query),
            reader => (Key: reader.GetValue(0), Solved: reader.GetInt64(1), First: reader.GetInt64(2)),
            cancellationToken);
        return Report(kpi, query, rows.Select(r => new ReportRow(KeyText(query, r.Key), [r.Solved, r.First, Ratio(r.First, r.Solved)])));
    }

    private async Task<KpiReport> ProactiveAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken)
    {
        var key = KeyOf(query, "t.created_at");
        var rows = await database.QueryAsync(
            $"SELECT {key} AS k, COUNT(*), SUM(CASE WHEN t.channel = 'monitoring' THEN 1 ELSE 0 END) FROM tickets t WHERE t.created_at >= @from AND t.created_at < @to GROUP BY 1 ORDER BY 1",
            command => Bind(command, query),
            reader => (Key: reader.GetValue(0), Tickets: reader.GetInt64(1), Proactive: reader.GetInt64(2)),
            cancellationToken);
        return Report(kpi, query, rows.Select(r => new ReportRow(KeyText(query, r.Key), [r.Tickets, r.Proactive, Ratio(r.Proactive, r.Tickets)])));
    }

    private async Task<KpiReport> SlaComplianceAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken)
    {
        var key = KeyOf(query, "t.created_at");
        string[] targets = ["first-response", "next-response", "resolution"];
        // Event data keeps TicketEventJson's spelling: a target or a crossing names its kind as "kind":"first-response".
        static string Has(string type, string kind) =>
            $"EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket = t.number AND e.type = '{type}' AND e.data LIKE '%\"kind\":\"{kind}\"%')";
        var sums = string.Join(", ", targets.Select(kind =>
            $"SUM(CASE WHEN {Has("sla-policy-applied", kind)} THEN 1 ELSE 0 END), SUM(CASE WHEN {Has("sla-policy-applied", kind)} AND {Has("sla-breached", kind)} THEN 1 ELSE 0 END)"));
        var rows = await database.QueryAsync(
            $"SELECT {key} AS k, {sums} FROM tickets t WHERE t.created_at >= @from AND t.created_at < @to GROUP BY 1 ORDER BY 1",
            command => Bind(command, query),
            reader => (Key: reader.GetValue(0), Counts: Enumerable.Range(1, 6).Select(i => reader.IsDBNull(i) ? 0 : reader.GetInt64(i)).ToArray()),
            cancellationToken);
        return Report(kpi, query, rows.Select(r => new ReportRow(
            KeyText(query, r.Key),
            [.. Enumerable.Range(0, 3).SelectMany(i => new double?[] { r.Counts[2 * i], r.Counts[(2 * i) + 1], Ratio(r.Counts[2 * i] - r.Counts[(2 * i) + 1], r.Counts[2 * i]) })])));
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

    private static KpiReport Report(Kpi kpi, ReportQuery query, IEnumerable<ReportRow> rows) => new(kpi, query, [.. rows]);

    private static double? Ratio(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private static void Bind(System.Data.Common.DbCommand command, ReportQuery query) =>
        command.With("@from", query.From.ToUnixTimeMilliseconds()).With("@to", query.To.ToUnixTimeMilliseconds());

    private static string KeyOf(ReportQuery query, string time) => query.GroupBy switch
    {
        ReportDimension.None => "'all'",
        ReportDimension.Channel => "t.channel",
        ReportDimension.Type => "t.type",
        ReportDimension.Category => "COALESCE(t.category, '')",
        ReportDimension.Queue => "COALESCE(t.queue, '')",
        ReportDimension.Language => "COALESCE(t.requester_language, '')",
        ReportDimension.Region => "COALESCE(t.customer_region, '')",
        ReportDimension.Organization => "COALESCE(t.organization, '')",
        ReportDimension.Customer => "t.requester_email",
        ReportDimension.Assignee => "COALESCE(t.assignee, '')",
        ReportDimension.Hour => $"({ZoneOffsets.LocalMilliseconds(time, query.TimeZone, query.From, query.To)} / 3600000) % 24",
        ReportDimension.Weekday => $"({ZoneOffsets.LocalMilliseconds(time, query.TimeZone, query.From, query.To)} / {Day} + 4) % 7",
        ReportDimension.Day => $"{ZoneOffsets.LocalMilliseconds(time, query.TimeZone, query.From, query.To)} / {Day}",
        _ => throw new ArgumentOutOfRangeException(nameof(query)),
    };

    private static string KeyText(ReportQuery query, object key) => query.GroupBy switch
    {
        ReportDimension.Hour => Convert.ToInt64(key, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        ReportDimension.Weekday => Weekdays[Convert.ToInt32(key, CultureInfo.InvariantCulture)],
        ReportDimension.Day => DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + Convert.ToInt32(key, CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(key, CultureInfo.InvariantCulture) ?? "",
    };
}
