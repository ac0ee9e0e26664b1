using System.Data.Common;
using System.Globalization;

namespace HelpDesk.Core.Storage;

public static class DatabaseQueries
{
    /// <summary>Runs one query on its own connection and maps every row; the shape of every read in the store.</summary>
    public static async Task<IReadOnlyList<T>> QueryAsync<T>(
        this Database database, string sql, Action<DbCommand> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>Runs one query on its own connection and hands each row to <paramref name="take"/> as it is read, keeping none.</summary>
    public static async Task ReadEachAsync(
        this Database database, string sql, Action<DbCommand> bind, Action<DbDataReader> take, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            take(reader);
        }
    }

    /// <summary>Runs one query on its own connection and returns its single value (a count, a maximum, a RETURNING) as a long.</summary>
    public static async Task<long> Int64Async(this Database database, string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql);
        bind(command);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs one statement on its own connection; returns the rows it changed.</summary>
    public static async Task<int> ExecuteAsync(this Database database, string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql);
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes the row with this id from a settings table; true when there was one.</summary>
    public static async Task<bool> DeleteByIdAsync(this Database database, string table, string id, CancellationToken cancellationToken) =>
        await database.ExecuteAsync($"DELETE FROM {table} WHERE id = @id", c => c.With("@id", id), cancellationToken) == 1;
}
