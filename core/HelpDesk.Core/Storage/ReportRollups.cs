using System.Globalization;
using HelpDesk.Core.Reports;

namespace HelpDesk.Core.Storage;

/// <summary>
/// The counting KPIs' aggregate table: per quarter hour (UTC) of a ticket's opening or solving, and per value of one
/// attribute at a time, how many tickets there are and how many of them count for each KPI. A report over a million
/// tickets reads a few thousand of these rows instead of every ticket. Triggers on <c>report_facts</c> keep it, in the
/// transaction that writes the facts row: the facts upsert changes a row only for a newer ticket version, and the
/// trigger adds the new row's counts and takes away the old one's, so the rollup follows the feed idempotently by
/// ticket and version and never lags it. Quarter hours, because every time zone's offset is a whole number of them.
/// </summary>
/// <remarks>The rollup migration (SQLite's 22nd, PostgreSQL's 23rd) is written from these lists: a change to them is a new migration, not an edit.</remarks>
internal static class ReportRollups
{
    public const long SlotMilliseconds = 900_000;

    /// <summary>The rollup's dimension holding every ticket once, for reports with no attribute breakdown.</summary>
    public const string Everything = "all";

    /// <summary>The attributes rolled up, each with few values (a breakdown by customer, organisation or assignee reads the facts).</summary>
    public static readonly IReadOnlyList<ReportDimension> Attributes =
        [ReportDimension.Channel, ReportDimension.Type, ReportDimension.Category, ReportDimension.Queue, ReportDimension.Language, ReportDimension.Region];

    public static readonly RollupMeasure Tickets = new("tickets", "1");
    public static readonly RollupMeasure Proactive = new("proactive", "CASE WHEN {0}.channel = 'monitoring' THEN 1 ELSE 0 END");
    public static readonly RollupMeasure FirstResponseTargets = SlaTargets("first_response", 1);
    public static readonly RollupMeasure FirstResponseBreaches = SlaBreaches("first_response", 1);
    public static readonly RollupMeasure NextResponseTargets = SlaTargets("next_response", 2);
    public static readonly RollupMeasure NextResponseBreaches = SlaBreaches("next_response", 2);
    public static readonly RollupMeasure ResolutionTargets = SlaTargets("resolution", 4);
    public static readonly RollupMeasure ResolutionBreaches = SlaBreaches("resolution", 4);
    public static readonly RollupMeasure Solved = new("solved", "1");
    public static readonly RollupMeasure Rated = new("rated", "CASE WHEN {0}.rating IS NOT NULL THEN 1 ELSE 0 END");
    public static readonly RollupMeasure RatedGood = new("rated_good", "CASE WHEN {0}.rating = 'good' THEN 1 ELSE 0 END");
    public static readonly RollupMeasure RatedNeutral = new("rated_neutral", "CASE WHEN {0}.rating = 'neutral' THEN 1 ELSE 0 END");
    public static readonly RollupMeasure RatedBad = new("rated_bad", "CASE WHEN {0}.rating = 'bad' THEN 1 ELSE 0 END");
    public static readonly RollupMeasure Reopened = new("reopened", "CASE WHEN {0}.reopen_count > 0 THEN 1 ELSE 0 END");
    public static readonly RollupMeasure FirstContact = new("first_contact", "CASE WHEN {0}.agent_reply_count = 1 AND {0}.reopen_count = 0 THEN 1 ELSE 0 END");

    /// <summary>Tickets by the time they were opened; the first measure counts every ticket.</summary>
    public static readonly RollupAnchor Created = new(
        "created", "created_at",
        [Tickets, Proactive, FirstResponseTargets, FirstResponseBreaches, NextResponseTargets, NextResponseBreaches, ResolutionTargets, ResolutionBreaches]);

    /// <summary>Tickets by the time they were (last) solved; the first measure counts every solved ticket.</summary>
    public static readonly RollupAnchor Solves = new("solved", "solved_at", [Solved, Rated, RatedGood, RatedNeutral, RatedBad, Reopened, FirstContact]);

    private static readonly RollupAnchor[] Anchors = [Created, Solves];

    private static IEnumerable<RollupMeasure> AllMeasures => Anchors.SelectMany(a => a.Measures);

    public static string Dimension(ReportDimension attribute) => attribute.ToString().ToLowerInvariant();

    public static string SqliteMigration => $"""
        {Comment}
        {Table("INTEGER")} WITHOUT ROWID;
        {Fill}
        CREATE TRIGGER report_rollups_on_insert AFTER INSERT ON report_facts BEGIN {Delta(Anchors, ("NEW", 1))}; END;
        CREATE TRIGGER report_rollups_on_update_created AFTER UPDATE ON report_facts WHEN {Changed(Created, "IS NOT")} BEGIN {Delta([Created], ("OLD", -1), ("NEW", 1))}; END;
        CREATE TRIGGER report_rollups_on_update_solved AFTER UPDATE ON report_facts WHEN {Changed(Solves, "IS NOT")} BEGIN {Delta([Solves], ("OLD", -1), ("NEW", 1))}; END;
        CREATE TRIGGER report_rollups_on_delete AFTER DELETE ON report_facts BEGIN {Delta(Anchors, ("OLD", -1))}; END;
        """;

    public static string PostgreSqlMigration => $"""
        {Comment}
        {Table("BIGINT")};
        {Fill}
        {ReportFactsTriggers.PostgreSql(
            "report_rollups", "report_rollups_follow_facts",
            Delta(Anchors, ("NEW", 1)),
            $"IF {Changed(Created, "IS DISTINCT FROM")} THEN {Delta([Created], ("OLD", -1), ("NEW", 1))}; END IF; IF {Changed(Solves, "IS DISTINCT FROM")} THEN {Delta([Solves], ("OLD", -1), ("NEW", 1))}; END IF",
            Delta(Anchors, ("OLD", -1)),
            $"{Changed(Created, "IS DISTINCT FROM")} OR {Changed(Solves, "IS DISTINCT FROM")}")}
        """;

    private const string Comment = """
        -- Counting KPIs over a million tickets read quarter-hour rollups of the report facts (see ReportRollups), kept by
        -- triggers in the facts row's own transaction and filled here from the facts already written.
        """;

    private static string Table(string bucketType) => $"""
        CREATE TABLE report_rollups (
            anchor    TEXT NOT NULL,
            dimension TEXT NOT NULL,
            bucket    {bucketType} NOT NULL,
            value     TEXT NOT NULL,
            {string.Join(",\n    ", AllMeasures.Select(m => $"{m.Column} INTEGER NOT NULL DEFAULT 0"))},
            PRIMARY KEY (anchor, dimension, bucket, value)
        )
        """;

    /// <summary>Each attribute's value on the facts row <paramref name="row"/>, with <see cref="Everything"/> first.</summary>
    private static string ValuesOf(string row) => string.Join(" UNION ALL ", Attributes
        .Select(a => $"SELECT '{Dimension(a)}', {ReportFilters.Column(a, row)}")
        .Prepend($"SELECT '{Everything}' AS dimension, '' AS value"));

    private static string Fill => string.Concat(Anchors.SelectMany(anchor => Attributes.Select(a => (Dimension(a), ReportFilters.Column(a, "t"))).Prepend((Everything, "''"))
        .Select(d => $"""
            INSERT INTO report_rollups (anchor, dimension, bucket, value, {string.Join(", ", anchor.Measures.Select(m => m.Column))})
            SELECT '{anchor.Name}', '{d.Item1}', t.{anchor.Time} / {SlotMilliseconds}, {d.Item2}, {string.Join(", ", anchor.Measures.Select(m => $"SUM({m.On("t")})"))}
            FROM report_facts t WHERE t.{anchor.Time} IS NOT NULL GROUP BY 3, 4;

            """)));

    /// <summary>
    /// Whether an update moves any count filed under <paramref name="anchor"/>: most of a ticket's events (a reply, a
    /// note, a new assignee) change nothing the rollup keeps, and then its statement does not run at all.
    /// </summary>
    private static string Changed(RollupAnchor anchor, string distinct)
    {
        var inputs = anchor.Measures.Select(m => m.PerTicket).Concat(Attributes.Select(a => ReportFilters.Column(a, "{0}"))).Prepend($"{{0}}.{anchor.Time}").Distinct();
        var differs = string.Join(" OR ", inputs.Select(value =>
            $"{string.Format(CultureInfo.InvariantCulture, value, "OLD")} {distinct} {string.Format(CultureInfo.InvariantCulture, value, "NEW")}"));
        return $"((OLD.{anchor.Time} IS NOT NULL OR NEW.{anchor.Time} IS NOT NULL) AND ({differs}))";
    }

    /// <summary>
    /// One statement adding each row's counts times its sign. With an old and a new row, the counts are summed per
    /// rollup row first, so an update that changes no count writes nothing, and applied in key order, so concurrent
    /// writers take the rows' locks in one order; a lone inserted or deleted row touches each rollup row once as it is.
    /// </summary>
    private static string Delta(IReadOnlyList<RollupAnchor> anchors, params (string Row, int Sign)[] rows)
    {
        var parts = anchors.SelectMany(anchor => rows.Select(row => $"""
            SELECT '{anchor.Name}' AS anchor, d.dimension AS dimension, {row.Row}.{anchor.Time} / {SlotMilliseconds} AS bucket, d.value AS value, {string.Join(", ", AllMeasures.Select(m =>
                (anchor.Measures.Contains(m) ? $"{row.Sign} * ({m.On(row.Row)})" : "0") + $" AS {m.Column}"))}
            FROM ({ValuesOf(row.Row)}) d WHERE {row.Row}.{anchor.Time} IS NOT NULL
            """));
        var columns = AllMeasures.Select(m => m.Column).ToList();
        var upsert = $"ON CONFLICT (anchor, dimension, bucket, value) DO UPDATE SET {string.Join(", ", columns.Select(c => $"{c} = report_rollups.{c} + excluded.{c}"))}";
        if (rows.Length == 1)
        {
            // One row's counts: each rollup row once, nothing to sum first.
            return $"INSERT INTO report_rollups (anchor, dimension, bucket, value, {string.Join(", ", columns)}) {string.Join(" UNION ALL ", parts)} {upsert}";
        }

        return $"""
            INSERT INTO report_rollups (anchor, dimension, bucket, value, {string.Join(", ", columns)})
            SELECT anchor, dimension, bucket, value, {string.Join(", ", columns.Select(c => $"SUM({c})"))}
            FROM ({string.Join(" UNION ALL ", parts)}) delta
            GROUP BY anchor, dimension, bucket, value HAVING {string.Join(" OR ", columns.Select(c => $"SUM({c}) <> 0"))}
            ORDER BY anchor, dimension, bucket, value
            {upsert}
            """;
    }

    private static RollupMeasure SlaTargets(string target, int bit) =>
        new($"{target}_targets", $"CASE WHEN ({{0}}.sla_targets & {bit.ToString(CultureInfo.InvariantCulture)}) <> 0 THEN 1 ELSE 0 END");

    private static RollupMeasure SlaBreaches(string target, int bit) =>
        new($"{target}_breaches", $"CASE WHEN ({{0}}.sla_targets & {{0}}.sla_breaches & {bit.ToString(CultureInfo.InvariantCulture)}) <> 0 THEN 1 ELSE 0 END");
}

/// <summary>A count the rollups keep: its column, and whether one facts row counts (0 or 1) with <c>{0}</c> for the row.</summary>
internal sealed record RollupMeasure(string Column, string PerTicket)
{
    public string On(string row) => string.Format(CultureInfo.InvariantCulture, PerTicket, row);
}

/// <summary>The time of a ticket its counts are filed under (a column of <c>report_facts</c>), and the counts filed there.</summary>
internal sealed record RollupAnchor(string Name, string Time, IReadOnlyList<RollupMeasure> Measures);
