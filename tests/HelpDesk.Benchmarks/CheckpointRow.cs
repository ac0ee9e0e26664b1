using Microsoft.Data.Sqlite;

namespace HelpDesk.Benchmarks;

/// <summary>
/// A subscriber's checkpoint row, read straight from the hub's SQLite file (a reader beside the hub, WAL allows it):
/// <c>updated_at</c> is the hub's own time of its last advance, finer than anything polling the admin API can see.
/// </summary>
public static class CheckpointRow
{
    public static async Task<(long Position, DateTimeOffset UpdatedAt)> ReadAsync(ChildHub hub, string subscriber)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(hub.DataDirectory, "helpdesk.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT position, updated_at FROM subscriber_checkpoints WHERE subscriber = @subscriber";
        query.Parameters.AddWithValue("@subscriber", subscriber);
        await using var row = await query.ExecuteReaderAsync();
        return await row.ReadAsync()
            ? (row.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(1)))
            : throw new InvalidOperationException($"No checkpoint for {subscriber}.");
    }
}
