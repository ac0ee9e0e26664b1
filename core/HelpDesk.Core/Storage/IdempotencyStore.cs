using System.Data.Common;
using System.Globalization;

namespace HelpDesk.Core.Storage;

/// <summary>Remembers which ticket number an Idempotency-Key reserved, and a hash of the request that used it.</summary>
public sealed class IdempotencyStore(Database database, TimeProvider time)
{
    /// <summary>Records the reservation unless the key has one already; returns whichever reservation stands.</summary>
    public async Task<(long Ticket, string RequestHash)> ReserveAsync(string key, string requestHash, long ticket, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var insert = connection.Command(
            "INSERT INTO idempotency_keys (key, request_hash, ticket, created_at) VALUES (@key, @hash, @ticket, @at) ON CONFLICT (key) DO NOTHING")
            .With("@key", key).With("@hash", requestHash).With("@ticket", ticket).With("@at", UnixTime.ToMs(time.GetUtcNow())))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        // The insert above leaves a row whichever reservation won.
        return (await FindAsync(connection, key, cancellationToken))!.Value;
    }

    public async Task<(long Ticket, string RequestHash)?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, key, cancellationToken);
    }

    public async Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var delete = connection.Command("DELETE FROM idempotency_keys WHERE key = @key").With("@key", key);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<(long Ticket, string RequestHash)?> FindAsync(DbConnection connection, string key, CancellationToken cancellationToken)
    {
        await using var select = connection.Command("SELECT ticket, request_hash FROM idempotency_keys WHERE key = @key").With("@key", key);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1)) : null;
    }
}
