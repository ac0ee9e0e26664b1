using HelpDesk.Core.Reports;

namespace HelpDesk.Core.Storage;

/// <summary>
/// The ranking KPIs' aggregate table: per quarter hour (UTC) of a ticket's opening or solving, the report facts of
/// those tickets packed by column into one value (<see cref="PackedTickets"/>), so a median over a million tickets
/// reads a few thousand rows instead of a million. A median needs every value, so unlike the rollups a digest cannot
/// take a delta: triggers on <c>report_facts</c> mark the quarter hours a write touches (in the write's transaction),
/// <see cref="ReportDigestBuilder"/> packs them again shortly after, and a report reads the facts of every marked
/// quarter hour in the same statement as the digests of the others, so it is never behind the facts.
/// </summary>
/// <remarks>The digest migration (SQLite's 23rd, PostgreSQL's 24th) is written from these lists: a change to them is a new migration, not an edit.</remarks>
internal static class ReportDigests
{
    /// <summary>What a digest keeps of each ticket, in <see cref="PackedText"/> order: the rolled attributes as the facts queries read them, the assignee and the rating.</summary>
    public static readonly IReadOnlyList<string> Texts =
        [.. ReportRollups.Attributes.Select(a => ReportFilters.Column(a)), ReportFilters.Column(ReportDimension.Assignee), "t.rating"];

    /// <summary>The durations a digest keeps (ms), in <see cref="PackedDuration"/> order.</summary>
    public static readonly IReadOnlyList<string> Durations =
        ["t.first_agent_reply_at - t.created_at", "t.first_response_business_ms", "t.solved_at - t.created_at", "t.resolution_business_ms"];

    /// <summary>The facts columns those are made of: a write that changes none of them leaves the digests as they are.</summary>
    private static readonly string[] Sources =
    [
        "created_at", "solved_at", "first_agent_reply_at", "channel", "type", "category", "queue", "requester_language", "customer_region",
        "assignee", "rating", "first_response_business_ms", "resolution_business_ms",
    ];

    private static readonly RollupAnchor[] Anchors = [ReportRollups.Created, ReportRollups.Solves];

    /// <summary>The facts of one anchor's quarter hour, <see cref="Texts"/> then <see cref="Durations"/>.</summary>
    public static string FactsOf(RollupAnchor anchor) =>
        $"SELECT {string.Join(", ", Texts.Concat(Durations))} FROM report_facts t WHERE t.{anchor.Time} >= @from AND t.{anchor.Time} < @to";

    public static RollupAnchor Anchor(string name) => Anchors.Single(a => a.Name == name);

    public static string SqliteMigration => $"""
        {Comment}
        CREATE TABLE report_digests (anchor TEXT NOT NULL, bucket INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (anchor, bucket));
        CREATE TABLE report_digest_marks (anchor TEXT NOT NULL, bucket INTEGER NOT NULL, marks INTEGER NOT NULL, PRIMARY KEY (anchor, bucket)) WITHOUT ROWID;
        {MarkEverything}
        CREATE TRIGGER report_digests_on_insert AFTER INSERT ON report_facts BEGIN {Mark("NEW")}; END;
        CREATE TRIGGER report_digests_on_update AFTER UPDATE ON report_facts WHEN {Changed("IS NOT")} BEGIN {Mark("OLD", "NEW")}; END;
        CREATE TRIGGER report_digests_on_delete AFTER DELETE ON report_facts BEGIN {Mark("OLD")}; END;
        """;

    public static string PostgreSqlMigration => $"""
        {Comment}
        CREATE TABLE report_digests (anchor TEXT NOT NULL, bucket BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (anchor, bucket));
        CREATE TABLE report_digest_marks (anchor TEXT NOT NULL, bucket BIGINT NOT NULL, marks BIGINT NOT NULL, PRIMARY KEY (anchor, bucket));
        {MarkEverything}
        {ReportFactsTriggers.PostgreSql("report_digests", "report_digests_mark", Mark("NEW"), Mark("OLD", "NEW"), Mark("OLD"), Changed("IS DISTINCT FROM"))}
        """;

    private const string Comment = """
        -- Medians over a million tickets read quarter-hour digests of the report facts (see ReportDigests): triggers mark
        -- the quarter hours a facts write touches, the digest builder packs them again, and every quarter hour of the
        -- facts already written starts marked.
        """;

    private static string MarkEverything => $"INSERT INTO report_digest_marks (anchor, bucket, marks) {string.Join(" UNION ALL ", Anchors.Select(a =>
        $"SELECT '{a.Name}', {a.Time} / {ReportRollups.SlotMilliseconds}, 1 FROM report_facts WHERE {a.Time} IS NOT NULL GROUP BY 2"))};";

    /// <summary>
    /// Marks each anchor's quarter hour of the given rows (the old and the new one of an update), once each; a mark
    /// already there counts up, so the builder can tell a quarter hour written again while it packed.
    /// </summary>
    private static string Mark(params string[] rows)
    {
        var buckets = string.Join(" UNION ALL ", rows.SelectMany(row => Anchors.Select(a => $"SELECT '{a.Name}' AS anchor, {row}.{a.Time} / {ReportRollups.SlotMilliseconds} AS bucket")));
        return $"""
            INSERT INTO report_digest_marks (anchor, bucket, marks)
            SELECT DISTINCT m.anchor, m.bucket, 1 FROM ({buckets}) m WHERE m.bucket IS NOT NULL
            ON CONFLICT (anchor, bucket) DO UPDATE SET marks = report_digest_marks.marks + 1
            """;
    }

    private static string Changed(string distinct) => $"({string.Join(" OR ", Sources.Select(c => $"OLD.{c} {distinct} NEW.{c}"))})";
}
