using System.Diagnostics;
using System.Globalization;
using System.Text;
using HelpDesk.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HelpDesk.Benchmarks;

/// <summary>
/// Fills a PostgreSQL store with the tickets of a seeded SQLite store, table by table with <c>COPY</c>: the append path
/// writes one statement per round trip, which seeds about 180 tickets/s on PostgreSQL here, so a million would take
/// hours. The rows are the ones the hub wrote; PostgreSQL computes its own generated columns (the search vector).
/// </summary>
public static class SqliteStoreCopy
{
    private static readonly string[] TicketTables =
    [
        "ticket_events", "tickets", "ticket_texts", "ticket_tags", "ticket_links", "ticket_message_ids", "ticket_attachments", "ticket_meetings",
        "report_facts", "report_rollups", "report_digests", "report_digest_marks", "report_escalations",
    ];

    public static async Task CopyAsync(string sqliteFile, string postgresConnectionString, CancellationToken cancellationToken = default)
    {
        await using (var target = new PostgreSqlDatabase(postgresConnectionString))
        {
            await new SchemaMigrator(target, NullLogger<SchemaMigrator>.Instance).MigrateAsync(cancellationToken);
        }

        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqliteFile, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await source.OpenAsync(cancellationToken);
        await using var postgres = new NpgsqlConnection(postgresConnectionString);
        await postgres.OpenAsync(cancellationToken);
        // The rollups and digest marks are copied as SQLite's triggers made them; PostgreSQL's, a function call per
        // row, would take longer than the copy itself.
        await ExecuteAsync(postgres, "ALTER TABLE report_facts DISABLE TRIGGER USER", cancellationToken);
        foreach (var table in TicketTables)
        {
            var clock = Stopwatch.StartNew();
            var columns = await CopiedColumnsAsync(source, postgres, table, cancellationToken);
            var rows = await CopyTableAsync(source, postgres, table, columns, cancellationToken);
            await ResetIdentitiesAsync(postgres, table, cancellationToken);
            Console.WriteLine($"  copied {rows:N0} rows of {table} in {clock.Elapsed.TotalSeconds:0} s");
        }

        await ExecuteAsync(postgres, "ALTER TABLE report_facts ENABLE TRIGGER USER", cancellationToken);
        var tickets = await ScalarAsync(source, "SELECT value FROM counters WHERE name = 'ticket-number'", cancellationToken);
        await ExecuteAsync(postgres, $"UPDATE counters SET value = {tickets} WHERE name = 'ticket-number'", cancellationToken);

    }

    /// <summary>The columns both stores have, without PostgreSQL's generated ones.</summary>
    private static async Task<List<string>> CopiedColumnsAsync(SqliteConnection source, NpgsqlConnection postgres, string table, CancellationToken cancellationToken)
    {
        var inSqlite = new HashSet<string>(StringComparer.Ordinal);
        await using (var pragma = new SqliteCommand($"SELECT name FROM pragma_table_info('{table}')", source))
        await using (var reader = await pragma.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                inSqlite.Add(reader.GetString(0));
            }
        }

        var columns = new List<string>();
        await using var schema = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table AND is_generated = 'NEVER' ORDER BY ordinal_position",
            postgres);
        schema.Parameters.AddWithValue("table", table);
        await using (var reader = await schema.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (inSqlite.Contains(reader.GetString(0)))
                {
                    columns.Add(reader.GetString(0));
                }
            }
        }

        return columns;
    }

    private static async Task<long> CopyTableAsync(SqliteConnection source, NpgsqlConnection postgres, string table, List<string> columns, CancellationToken cancellationToken)
    {
        var list = string.Join(", ", columns);
        await using var read = new SqliteCommand($"SELECT {list} FROM {table}", source);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);

        // COPY writes the given values into identity columns too, so event positions and text ids stay as they were.
        await using var copy = await postgres.BeginTextImportAsync($"COPY {table} ({list}) FROM STDIN", cancellationToken);
        var line = new StringBuilder();
        var rows = 0L;
        while (await reader.ReadAsync(cancellationToken))
        {
            line.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                {
                    line.Append('\t');
                }

                AppendValue(line, reader.GetValue(i));
            }

            await copy.WriteLineAsync(line, cancellationToken);
            rows++;
        }

        return rows;
    }

    // PostgreSQL's COPY text format: \N for null, backslash escapes for the separators, bytea as \x hex.
    private static void AppendValue(StringBuilder line, object value)
    {
        switch (value)
        {
            case DBNull:
                line.Append(@"\N");
                break;
            case byte[] bytes:
                line.Append(@"\\x").Append(Convert.ToHexString(bytes));
                break;
            case string text:
                foreach (var c in text)
                {
                    _ = c switch
                    {
                        '\\' => line.Append(@"\\"),
                        '\t' => line.Append(@"\t"),
                        '\n' => line.Append(@"\n"),
                        '\r' => line.Append(@"\r"),
                        _ => line.Append(c),
                    };
                }

                break;
            default:
                line.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static async Task ResetIdentitiesAsync(NpgsqlConnection postgres, string table, CancellationToken cancellationToken)
    {
        var identities = new List<string>();
        await using (var find = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table AND is_identity = 'YES'", postgres))
        {
            find.Parameters.AddWithValue("table", table);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                identities.Add(reader.GetString(0));
            }
        }

        foreach (var column in identities)
        {
            await ExecuteAsync(postgres, $"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), (SELECT COALESCE(MAX({column}), 0) + 1 FROM {table}), false)", cancellationToken);
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new SqliteCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
