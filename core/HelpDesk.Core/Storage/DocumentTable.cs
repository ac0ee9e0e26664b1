using System.Text.Json;

namespace HelpDesk.Core.Storage;

/// <summary>
/// A table of JSON documents keyed by id (<c>id</c>, <c>data</c>, <c>updated_at</c>): how settings the admin API edits
/// whole (macros, calendars) are stored.
/// </summary>
public sealed class DocumentTable<T>(Database database, TimeProvider time, string table, JsonSerializerOptions json)
    where T : class
{
    /// <summary>Saves the document under its id, replacing one; true when it is new.</summary>
    public async Task<bool> SaveAsync(string id, T document, CancellationToken cancellationToken)
    {
        var existed = await GetAsync(id, cancellationToken) is not null;
        await database.ExecuteAsync(
            $"INSERT INTO {table} (id, data, updated_at) VALUES (@id, @data, @at) ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
            c => c.With("@id", id).With("@data", JsonSerializer.Serialize(document, json)).With("@at", UnixTime.ToMs(time.GetUtcNow())),
            cancellationToken);
        return !existed;
    }

    public async Task<T?> GetAsync(string id, CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT data FROM {table} WHERE id = @id", c => c.With("@id", id), Read, cancellationToken) is [var document, ..] ? document : null;

    public Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync($"SELECT data FROM {table} ORDER BY id", _ => { }, Read, cancellationToken);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => database.DeleteByIdAsync(table, id, cancellationToken);

    private T Read(System.Data.Common.DbDataReader reader) => JsonSerializer.Deserialize<T>(reader.GetString(0), json)!;
}
