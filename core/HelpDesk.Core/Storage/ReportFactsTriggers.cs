namespace HelpDesk.Core.Storage;

/// <summary>
/// PostgreSQL's form of the row triggers that keep report tables in step with <c>report_facts</c> (SQLite's take a
/// statement list in the trigger itself): one plpgsql function for inserts, updates and deletes, and the update trigger
/// fires only when <c>updateWhen</c> holds, so a write that changes nothing the table keeps costs no function call.
/// </summary>
internal static class ReportFactsTriggers
{
    public static string PostgreSql(string prefix, string function, string onInsert, string onUpdate, string onDelete, string updateWhen) => $"""
        CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                {onInsert};
            ELSIF TG_OP = 'UPDATE' THEN
                {onUpdate};
            ELSE
                {onDelete};
            END IF;
            RETURN NULL;
        END
        $body$;
        CREATE TRIGGER {prefix}_on_insert_or_delete AFTER INSERT OR DELETE ON report_facts
            FOR EACH ROW EXECUTE FUNCTION {function}();
        CREATE TRIGGER {prefix}_on_update AFTER UPDATE ON report_facts
            FOR EACH ROW WHEN ({updateWhen}) EXECUTE FUNCTION {function}();
        """;
}
