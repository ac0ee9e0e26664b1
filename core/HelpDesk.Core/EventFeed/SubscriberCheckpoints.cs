using HelpDesk.Core.Storage;

namespace HelpDesk.Core.EventFeed;

/// <summary>Where each subscriber is in the global event log, and what it parked; durable in the ticket store.</summary>
public sealed class SubscriberCheckpoints(Database database, TimeProvider time)
{
    private const string UpsertCheckpoint = """
        INSERT INTO subscriber_checkpoints (subscriber, position, updated_at) VALUES (@subscriber, @position, @at)
        ON CONFLICT (subscriber) DO UPDATE SET updated_at = excluded.updated_at,
            position = CASE WHEN excluded.position > subscriber_checkpoints.position THEN excluded.position ELSE subscriber_checkpoints.position END
        """;

    // Checkpoints only move forward: a replay of old dead letters must not rewind the feed.

    /// <summary>The position of the last event the subscriber is done with; 0 before the first.</summary>
    public async Task<long> GetAsync(string subscriber, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync(
            "SELECT position FROM subscriber_checkpoints WHERE subscriber = @subscriber",
            c => c.With("@subscriber", subscriber),
            r => r.GetInt64(0),
            cancellationToken);
        return rows.Count == 0 ? 0 : rows[0];
    }

    /// <summary>
    /// Puts a subscriber that has no checkpoint yet at the current end of the log; one that has keeps its own.
    /// A connector installed today acts on what happens from now on, not on every ticket the hub ever had.
    /// </summary>
    public async Task StartAtEndOfLogAsync(string subscriber, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);

        // "WHERE TRUE" lets SQLite tell the upsert clause from a join on INSERT … SELECT.
        await using var command = connection.Command(
            """
            INSERT INTO subscriber_checkpoints (subscriber, position, updated_at)
            SELECT @subscriber, COALESCE(MAX(position), 0), @at FROM ticket_events WHERE TRUE
            ON CONFLICT (subscriber) DO NOTHING
            """).With("@subscriber", subscriber).With("@at", UnixTime.ToMs(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AdvanceAsync(string subscriber, long position, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(UpsertCheckpoint)
            .With("@subscriber", subscriber).With("@position", position).With("@at", UnixTime.ToMs(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Parks a failed event and moves the checkpoint past it in one transaction: it is never both lost and skipped.</summary>
    public async Task ParkAsync(string subscriber, DeadLetter letter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var park = connection.Command(
            """
            INSERT INTO dead_letters (subscriber, position, ticket, version, type, attempts, error, failed_at)
            VALUES (@subscriber, @position, @ticket, @version, @type, @attempts, @error, @at)
            ON CONFLICT (subscriber, position) DO UPDATE SET attempts = excluded.attempts, error = excluded.error, failed_at = excluded.failed_at
            """, transaction))
        {
            await park.With("@subscriber", subscriber).With("@position", letter.Position).With("@ticket", letter.Ticket)
                .With("@version", letter.Version).With("@type", letter.Type).With("@attempts", letter.Attempts)
                .With("@error", letter.Error).With("@at", UnixTime.ToMs(letter.FailedAt))
                .ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var advance = connection.Command(UpsertCheckpoint, transaction))
        {
            await advance.With("@subscriber", subscriber).With("@position", letter.Position).With("@at", UnixTime.ToMs(time.GetUtcNow()))
                .ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string subscriber, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT position, ticket, version, type, attempts, error, failed_at FROM dead_letters WHERE subscriber = @subscriber ORDER BY position",
            c => c.With("@subscriber", subscriber),
            r => new DeadLetter(r.GetInt64(0), r.GetInt64(1), r.GetInt32(2), r.GetString(3), r.GetInt32(4), r.GetString(5), UnixTime.FromMs(r.GetInt64(6))),
            cancellationToken);

    /// <summary>How many events the subscriber has parked; for admin views polled often, without reading the letters.</summary>
    public async Task<int> CountDeadLettersAsync(string subscriber, CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            "SELECT COUNT(*) FROM dead_letters WHERE subscriber = @subscriber",
            c => c.With("@subscriber", subscriber),
            r => (int)r.GetInt64(0),
            cancellationToken))[0];

    public async Task RemoveDeadLetterAsync(string subscriber, long position, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM dead_letters WHERE subscriber = @subscriber AND position = @position")
            .With("@subscriber", subscriber).With("@position", position);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
