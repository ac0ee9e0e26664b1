using System.Globalization;
using HelpDesk.Core.Storage;

namespace HelpDesk.Core.Reports;

/// <summary>
/// KPIs computed in SQL on the projection's report facts (and, for escalations, its escalation rows), never a grain: each
/// reads one range of a covering index led by its anchor time (opened or solved), hours and days in the report's time
/// zone through <see cref="ZoneOffsets"/>. The counting KPIs are here, the durations in <c>ReportQueries.Durations</c>,
/// the fixed breakdowns in <c>ReportQueries.Breakdowns</c>. Rows come in one order on both providers: numbers by
/// value, text ordinally.
/// </summary>
public sealed partial class ReportQueries(Database database)
{
    private const long Day = 86_400_000;
    private static readonly string[] Weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    public Task<KpiReport> RunAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken) => kpi.Name switch
    {
        "volume" => VolumeAsync(kpi, query, cancellationToken),
        "first-response-time" => DurationsAsync(kpi, query, ReportRollups.Created, PackedDuration.FirstResponse, cancellationToken),
        "first-response-time-business" => DurationsAsync(kpi, query, ReportRollups.Created, PackedDuration.FirstResponseBusiness, cancellationToken),
        "resolution-time" => DurationsAsync(kpi, query, ReportRollups.Solves, PackedDuration.Resolution, cancellationToken),
        "resolution-time-business" => DurationsAsync(kpi, query, ReportRollups.Solves, PackedDuration.ResolutionBusiness, cancellationToken),
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

    private async Task<KpiReport> VolumeAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken)
    {
        var rows = await CountsAsync(query, ReportRollups.Created, [ReportRollups.Tickets], cancellationToken);
        return Report(kpi, query, rows.Select(r => new ReportRow(KeyText(query, r.Key), [r.Counts[0]])));
    }

    private static bool IsTime(ReportDimension dimension) => dimension is ReportDimension.Hour or ReportDimension.Weekday or ReportDimension.Day;

    /// <summary>Rows in the order SQLite gives them on both providers: numbers by value, text ordinally (not by PostgreSQL's collation).</summary>
    private static IEnumerable<T> InKeyOrder<T>(ReportQuery query, IEnumerable<T> rows, Func<T, object> key) => IsTime(query.GroupBy)
        ? rows.OrderBy(r => Convert.ToInt64(key(r), CultureInfo.InvariantCulture))
        : rows.OrderBy(r => (string)key(r), StringComparer.Ordinal);

    private async Task<KpiReport> SatisfactionAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken)
    {
        var rows = await CountsAsync(
            query, ReportRollups.Solves, [ReportRollups.Solved, ReportRollups.Rated, ReportRollups.RatedGood, ReportRollups.RatedNeutral, ReportRollups.RatedBad], cancellationToken);
        return Report(kpi, query, rows.Select(r => r.Counts is [var solved, var rated, var good, var neutral, var bad]
            ? new ReportRow(KeyText(query, r.Key), [solved, rated, good, neutral, bad, Ratio(good, rated), Ratio(rated, solved)])
            : throw new InvalidOperationException("Five counts expected.")));
    }

    private Task<KpiReport> ReopensAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken) =>
        ShareAsync(kpi, query, ReportRollups.Solves, ReportRollups.Reopened, cancellationToken);

    private Task<KpiReport> FirstContactAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken) =>
        ShareAsync(kpi, query, ReportRollups.Solves, ReportRollups.FirstContact, cancellationToken);

    private Task<KpiReport> ProactiveAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken) =>
        ShareAsync(kpi, query, ReportRollups.Created, ReportRollups.Proactive, cancellationToken);

    /// <summary>Rows of: the tickets anchored in range, how many of them <paramref name="part"/> counts, and that share.</summary>
    private async Task<KpiReport> ShareAsync(Kpi kpi, ReportQuery query, RollupAnchor anchor, RollupMeasure part, CancellationToken cancellationToken)
    {
        var rows = await CountsAsync(query, anchor, [anchor.Measures[0], part], cancellationToken);
        return Report(kpi, query, rows.Select(r => new ReportRow(KeyText(query, r.Key), [r.Counts[0], r.Counts[1], Ratio(r.Counts[1], r.Counts[0])])));
    }

    private async Task<KpiReport> SlaComplianceAsync(Kpi kpi, ReportQuery query, CancellationToken cancellationToken)
    {
        // In SlaTargetKind's order: first response, next response, resolution; each as targets applied, then breached.
        RollupMeasure[] targets =
        [
            ReportRollups.FirstResponseTargets, ReportRollups.FirstResponseBreaches, ReportRollups.NextResponseTargets,
            ReportRollups.NextResponseBreaches, ReportRollups.ResolutionTargets, ReportRollups.ResolutionBreaches,
        ];
        var rows = await CountsAsync(query, ReportRollups.Created, [ReportRollups.Tickets, .. targets], cancellationToken);
        return Report(kpi, query, rows.Select(r => new ReportRow(
            KeyText(query, r.Key),
            [.. Enumerable.Range(0, 3).SelectMany(i => new double?[] { r.Counts[(2 * i) + 1], r.Counts[(2 * i) + 2], Ratio(r.Counts[(2 * i) + 1] - r.Counts[(2 * i) + 2], r.Counts[(2 * i) + 1]) })])));
    }

    private static KpiReport Report(Kpi kpi, ReportQuery query, IEnumerable<ReportRow> rows) => new(kpi, query, [.. rows]);

    private static double? Ratio(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private static void Bind(System.Data.Common.DbCommand command, ReportQuery query) =>
        command.With("@from", query.From.ToUnixTimeMilliseconds()).With("@to", query.To.ToUnixTimeMilliseconds()).WithFilters(query.Filters);

    private static string KeyOf(ReportQuery query, string time) => query.GroupBy switch
    {
        ReportDimension.None => "'all'",
        var attribute when ReportFilters.IsFilterable(attribute) => ReportFilters.Column(attribute),
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
