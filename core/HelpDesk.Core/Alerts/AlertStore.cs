using HelpDesk.Core.Storage;
using HelpDesk.Domain.Alerts;

namespace HelpDesk.Core.Alerts;

/// <summary>The alerts table: each alert key's record. Most writes ride along with a ticket append (<see cref="TicketAppend.Alert"/>).</summary>
public sealed class AlertStore(Database database, TimeProvider time)
{
    public async Task<AlertRecord?> FindAsync(string source, string dedupKey, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync(
            "SELECT data FROM alerts WHERE source = @source AND dedup_key = @key",
            command => command.With("@source", source).With("@key", dedupKey),
            reader => AlertRows.Parse(reader.GetString(0)),
            cancellationToken);
        return rows.Count > 0 ? rows[0] : null;
    }

    /// <summary>The alerts on a ticket, most recently seen first.</summary>
    public Task<IReadOnlyList<AlertRecord>> ForTicketAsync(long ticket, int limit, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT data FROM alerts WHERE ticket = @ticket ORDER BY last_seen_at DESC, dedup_key LIMIT @limit",
            command => command.With("@ticket", ticket).With("@limit", limit),
            reader => AlertRows.Parse(reader.GetString(0)),
            cancellationToken);

    public async Task SaveAsync(AlertRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(AlertRows.Upsert).BindUpsert(record, time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
