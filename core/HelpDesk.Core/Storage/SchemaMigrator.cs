using Microsoft.Extensions.Logging;

namespace HelpDesk.Core.Storage;

/// <summary>Brings the schema up to date at start-up; nothing to run by hand.</summary>
public sealed class SchemaMigrator(Database database, ILogger<SchemaMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Lock first: on PostgreSQL even CREATE TABLE IF NOT EXISTS races when several silos start at once.
        if (database.MigrationLockSql.Length > 0)
        {
            await using var lockCommand = connection.Command(database.MigrationLockSql, transaction);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = connection.Command("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)", transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var current = connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", transaction);
        var applied = Convert.ToInt32(await current.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        for (var version = applied + 1; version <= database.Migrations.Count; version++)
        {
            await using var script = connection.Command(database.Migrations[version - 1], transaction);
            // A migration over a large store (an index, a table filled from a million rows) runs as long as it needs:
            // stopping it half-way would leave the hub unable to start.
            script.CommandTimeout = 0;
            await script.ExecuteNonQueryAsync(cancellationToken);
            await using var record = connection.Command("INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @t)", transaction)
                .With("@v", version).With("@t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Applied {Provider} schema migration {Version}", database.Provider, version);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
