using System.Text.Json;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Events;

namespace HelpDesk.Core.Alerts;

/// <summary>The alerts table: each alert key's record, written by its grain alone.</summary>
public sealed class AlertStore(Database database, TimeProvider time)
{
    private const string Upsert = """
        INSERT INTO alerts (source, dedup_key, ticket, status, occurrences, last_seen_at, data, updated_at)
        VALUES (@source, @key, @ticket, @status, @occurrences, @last_seen_at, @data, @updated_at)
        ON CONFLICT (source, dedup_key) DO UPDATE SET ticket = excluded.ticket, status = excluded.status,
            occurrences = excluded.occurrences, last_seen_at = excluded.last_seen_at, data = excluded.data, updated_at = excluded.updated_at
        """;

    public async Task<AlertRecord?> FindAsync(string source, string dedupKey, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync(
            "SELECT data FROM alerts WHERE source = @source AND dedup_key = @key",
            command => command.With("@source", source).With("@key", dedupKey),
            reader => Parse(reader.GetString(0)),
            cancellationToken);
        return rows.Count > 0 ? rows[0] : null;
    }

    /// <summary>The alerts on a ticket, most recently seen first.</summary>
    public Task<IReadOnlyList<AlertRecord>> ForTicketAsync(long ticket, int limit, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT data FROM alerts WHERE ticket = @ticket ORDER BY last_seen_at DESC, dedup_key LIMIT @limit",
            command => command.With("@ticket", ticket).With("@limit", limit),
            reader => Parse(reader.GetString(0)),
            cancellationToken);

    public async Task SaveAsync(AlertRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(Upsert)
            .With("@source", record.Source).With("@key", record.DedupKey).With("@ticket", record.Ticket)
            .With("@status", AlertTickets.Name(record.Status)).With("@occurrences", record.Occurrences)
            .With("@last_seen_at", UnixTime.ToMs(record.LastSeenAt)).With("@data", JsonSerializer.Serialize(record, TicketEventJson.Options))
            .With("@updated_at", UnixTime.ToMs(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static AlertRecord Parse(string json) =>
        JsonSerializer.Deserialize<AlertRecord>(json, TicketEventJson.Options) ?? throw new InvalidOperationException("An alert row holds no record.");
}
