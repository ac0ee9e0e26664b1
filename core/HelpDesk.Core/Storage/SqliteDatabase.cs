using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace HelpDesk.Core.Storage;

/// <summary>The embedded default: one file, WAL, and every commit fsync'd (<c>synchronous=FULL</c>).</summary>
public sealed class SqliteDatabase : Database
{
    private readonly string _connectionString;

    public SqliteDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = builder.ToString();
    }

    public static SqliteDatabase InDirectory(string dataDirectory) =>
        new(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "helpdesk.db") }.ToString());

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override IReadOnlyList<string> Migrations => SqliteSchema.Migrations;

    // One writer loop per process owns all appends, and SQLite allows one writer anyway.
    public override string AppendLockSql => "";

    public override string MigrationLockSql => "";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.Command("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;");
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public override string JsonText(string column, string member) => JsonMember(column, member);

    internal static string JsonMember(string column, string member) => $"json_extract({column}, '$.{member}')";

    public override string FullTextCondition(bool includeInternal) =>
        "t.number IN (SELECT x.ticket FROM ticket_texts_fts f JOIN ticket_texts x ON x.id = f.rowid WHERE ticket_texts_fts MATCH @q"
        + (includeInternal ? ")" : " AND x.visibility = 'public')");

    // Each word becomes a quoted FTS5 string, so '*', '"', NEAR, AND, column filters… are searched as text.
    public override string FullTextQuery(IReadOnlyList<string> words) => string.Join(' ', words.Select(w => $"\"{w.Replace("\"", "", StringComparison.Ordinal)}\""));

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19 };

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}
