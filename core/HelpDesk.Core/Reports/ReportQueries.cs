using System.Globalization;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Sla;

namespace HelpDesk.Core.Reports;

/// <summary>
/// KPIs computed in SQL on the projection's narrow report facts (and, for escalations, the event log), the same
/// statements on SQLite and PostgreSQL: counts and nearest-rank percentiles with window functions, hours and days in the report's time zone
/// through <see cref="ZoneOffsets"/>. Never a grain.
/// </summary>
public sealed partial class ReportQueries(Database database)
{
    private const long Day = 86_400_000;
    private static readonly string[] Weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    public Task<KpiReport> RunAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken) => kpi.Name switch
    {
        "volume" => CountAsync(kpi, query, "t.created_at", cancellationToken),
        "first-response-time" => DurationsAsync(kpi, query, "t.created_at", "t.first_agent_reply_at - t.created_at", cancellationToken),
        "first-response-time-business" => DurationsAsync(kpi, query, "t.created_at", "t.first_response_business_ms", cancellationToken),
        "resolution-time" => DurationsAsync(kpi, query, "t.solved_at", "t.solved_at - t.created_at", cancellationToken),
        "resolution-time-business" => DurationsAsync(kpi, query, "t.solved_at", "t.resolution_business_ms", cancellationToken),
        "backlog" => BacklogAsync(kpi, query, cancellationToken),
        "csat" => SatisfactionAsync(kpi, query, cancellationToken),
        "reopen-rate" => ReopensAsync(kpi, query, cancellationToken),
        "first-contact-resolution" => FirstContactAsync(kpi, query, cancellationToken),
        "proactive-share" => ProactiveAsync(kpi, query, cancellationToken),
        "sla-compliance" => SlaComplianceAsync(kpi, query, cancellationToken),
        "escalations" => EscalationsAsync(kpi, query, cancellationToken),
        "agents" => AgentsAsync(kpi, query, cancellationToken),
        _ => throw new ArgumentException($"No KPI named '{kpi.Name}'.", nameof(kpi)),
    };

    private async Task<KpiReport> CountAsync(Kpi kpi, ReportQuery query, string time, CancellationToken cancellationToken)
    {
        var key = KeyOf(query, time);
        var rows = await database.QueryAsync(
            $"SELECT {key} AS k, COUNT(*) FROM report_facts t WHERE {time} >= @from AND {time} < @to GROUP BY 1 ORDER BY 1",
            command => Bind(command, query),
            reader => (Key: reader.GetValue(0), Count: reader.GetInt64(1)),
            cancellationToken);
        return Report(kpi, query, rows.Select(r => new ReportRow(KeyText(query, r.Key), [r.Count])));
    }

    /// <summary>The count, median and p90 of <paramref name="duration"/> (ms, null: not counted), for tickets whose <paramref name="time"/> is in range.</summary>
    private async Task<KpiReport> DurationsAsync(Kpi kpi, ReportQuery query, string time, string duration, CancellationToken cancellationToken)
    {
        var key = KeyOf(query, time);
        var sql = $"""
            WITH d AS (
                SELECT {key} AS k, {duration} AS ms FROM report_facts t
                WHERE {time} >= @from AND {time} < @to AND {duration} IS NOT NULL),
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

    private async Task<KpiReport> SatisfactionAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken)
    {
        var key = KeyOf(query, "t.solved_at");
        var sql = $"""
            SELECT {key} AS k, COUNT(*),
                SUM(CASE WHEN t.rating IS NOT NULL THEN 1 ELSE 0 END),
                SUM(CASE WHEN t.rating = 'good' THEN 1 ELSE 0 END),
                SUM(CASE WHEN t.rating = 'neutral' THEN 1 ELSE 0 END),
                SUM(CASE WHEN t.rating = 'bad' THEN 1 ELSE 0 END)
            FROM report_facts t WHERE t.solved_at >= @from AND t.solved_at < @to GROUP BY 1 ORDER BY 1
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
        var sql = $"""
            SELECT {key} AS k, COUNT(*), SUM(CASE WHEN t.reopen_count > 0 THEN 1 ELSE 0 END)
            FROM report_facts t WHERE t.solved_at >= @from AND t.solved_at < @to GROUP BY 1 ORDER BY 1
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
            SELECT {key} AS k, COUNT(*), SUM(CASE WHEN t.agent_reply_count = 1 AND t.reopen_count = 0 THEN 1 ELSE 0 END)
            FROM report_facts t WHERE t.solved_at >= @from AND t.solved_at < @to GROUP BY 1 ORDER BY 1
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
            $"SELECT {key} AS k, COUNT(*), SUM(CASE WHEN t.channel = 'monitoring' THEN 1 ELSE 0 END) FROM report_facts t WHERE t.created_at >= @from AND t.created_at < @to GROUP BY 1 ORDER BY 1",
            command => Bind(command, query),
            reader => (Key: reader.GetValue(0), Tickets: reader.GetInt64(1), Proactive: reader.GetInt64(2)),
            cancellationToken);
        return Report(kpi, query, rows.Select(r => new ReportRow(KeyText(query, r.Key), [r.Tickets, r.Proactive, Ratio(r.Proactive, r.Tickets)])));
    }

    private async Task<KpiReport> SlaComplianceAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken)
    {
        var key = KeyOf(query, "t.created_at");
        var sums = string.Join(", ", Enum.GetValues<SlaTargetKind>().Select(TicketReportFacts.Bit).Select(bit =>
            $"SUM(CASE WHEN (t.sla_targets & {bit}) <> 0 THEN 1 ELSE 0 END), SUM(CASE WHEN (t.sla_targets & t.sla_breaches & {bit}) <> 0 THEN 1 ELSE 0 END)"));
        var rows = await database.QueryAsync(
            $"SELECT {key} AS k, {sums} FROM report_facts t WHERE t.created_at >= @from AND t.created_at < @to GROUP BY 1 ORDER BY 1",
            command => Bind(command, query),
            reader => (Key: reader.GetValue(0), Counts: Enumerable.Range(1, 6).Select(i => reader.IsDBNull(i) ? 0 : reader.GetInt64(i)).ToArray()),
            cancellationToken);
        return Report(kpi, query, rows.Select(r => new ReportRow(
            KeyText(query, r.Key),
            [.. Enumerable.Range(0, 3).SelectMany(i => new double?[] { r.Counts[2 * i], r.Counts[(2 * i) + 1], Ratio(r.Counts[2 * i] - r.Counts[(2 * i) + 1], r.Counts[2 * i]) })])));
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
