namespace HelpDesk.Core.Storage;

/// <summary>
/// The escalations KPI's facts: one row per escalation requested, with its target and when the issue came to exist.
/// The projection writes them with the events, in the append's transaction; the migration fills them from the events
/// already written. A report over a quarter's escalations reads one index range instead of parsing the events' JSON.
/// </summary>
/// <remarks>The migration (SQLite's 24th, PostgreSQL's 25th) is written from this text: a change to it is a new migration, not an edit.</remarks>
internal static class ReportEscalations
{
    /// <summary>An escalation requested (<c>@ticket</c>, <c>@id</c>, <c>@target</c>, <c>@at</c>); a replayed event changes nothing.</summary>
    public const string Requested = """
        INSERT INTO report_escalations (ticket, escalation_id, target, requested_at) VALUES (@ticket, @id, @target, @at)
        ON CONFLICT (ticket, escalation_id) DO NOTHING
        """;

    /// <summary>An escalation done (<c>@ticket</c>, <c>@id</c>, <c>@at</c>): its first issue counts.</summary>
    public const string Done = """
        UPDATE report_escalations SET done_at = @at WHERE ticket = @ticket AND escalation_id = @id AND (done_at IS NULL OR done_at > @at)
        """;

    public static string SqliteMigration => Migration("INTEGER", SqliteDatabase.JsonMember);

    public static string PostgreSqlMigration => Migration("BIGINT", PostgreSqlDatabase.JsonMember);

    /// <summary>Every escalation the event log holds, done at its first <c>escalated</c> event; the rows already there stay.</summary>
    public static string Fill(Func<string, string, string> json) => $"""
        INSERT INTO report_escalations (ticket, escalation_id, target, requested_at, done_at)
        SELECT r.ticket, {json("r.data", "escalationId")}, {json("r.data", "target")}, r.occurred_at,
            (SELECT MIN(d.occurred_at) FROM ticket_events d
             WHERE d.type = 'escalated' AND d.ticket = r.ticket AND {json("d.data", "escalationId")} = {json("r.data", "escalationId")})
        FROM ticket_events r WHERE r.type = 'escalation-requested'
        ON CONFLICT (ticket, escalation_id) DO NOTHING
        """;

    private static string Migration(string integer, Func<string, string, string> json) => $"""
        -- The escalations KPI reads its own facts (see ReportEscalations), filled here from the events; the two partial
        -- indexes it read the event log by go.
        CREATE TABLE report_escalations (
            ticket        {integer} NOT NULL,
            escalation_id TEXT NOT NULL,
            target        TEXT NOT NULL,
            requested_at  {integer} NOT NULL,
            done_at       {integer},
            PRIMARY KEY (ticket, escalation_id)
        );
        CREATE INDEX ix_report_escalations_requested ON report_escalations (requested_at, target, done_at);
        {Fill(json)};
        DROP INDEX ix_ticket_events_escalation_requested;
        DROP INDEX ix_ticket_events_escalated;
        """;
}
