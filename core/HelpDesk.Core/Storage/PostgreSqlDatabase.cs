using System.Data.Common;
using Npgsql;

namespace HelpDesk.Core.Storage;

/// <summary>The scale-out store: several silos append to one database.</summary>
public sealed class PostgreSqlDatabase(string connectionString) : Database
{
    // Any constant works; it only has to be the same in every silo.
    private const long AppendLockKey = 0x4844_4556_454E_5453; // "HDEVENTS"
    private const long MigrationLockKey = 0x4844_4D49_4752_4154; // "HDMIGRAT"

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public override StorageProvider Provider => StorageProvider.PostgreSql;

    public override IReadOnlyList<string> Migrations => PostgreSqlSchema.Migrations;

    // A sequence value can commit after a larger one from another transaction; a reader of the feed would
    // then skip it. Holding one transaction-scoped lock while positions are assigned keeps commits in order.
    public override string AppendLockSql => $"SELECT pg_advisory_xact_lock({AppendLockKey})";

    public override string MigrationLockSql => $"SELECT pg_advisory_xact_lock({MigrationLockKey})";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override string JsonText(string column, string member) => JsonMember(column, member);

    internal static string JsonMember(string column, string member) => $"({column}::jsonb ->> '{member}')";

    public override string FullTextCondition(bool includeInternal) =>
        "t.number IN (SELECT x.ticket FROM ticket_texts x WHERE x.search @@ plainto_tsquery('simple', @q)"
        + (includeInternal ? ")" : " AND x.visibility = 'public')");

    public override string FullTextQuery(IReadOnlyList<string> words) => string.Join(' ', words);

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
