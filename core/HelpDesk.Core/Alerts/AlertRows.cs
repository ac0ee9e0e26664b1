using System.Data.Common;
using System.Text.Json;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Events;

namespace HelpDesk.Core.Alerts;

/// <summary>The one way an alert record is written to the <c>alerts</c> table, alone or inside a ticket's append.</summary>
internal static class AlertRows
{
    public const string Upsert = """
        INSERT INTO alerts (source, dedup_key, ticket, status, occurrences, last_seen_at, data, updated_at)
        VALUES (@source, @key, @ticket, @status, @occurrences, @last_seen_at, @data, @updated_at)
        ON CONFLICT (source, dedup_key) DO UPDATE SET ticket = excluded.ticket, status = excluded.status,
            occurrences = excluded.occurrences, last_seen_at = excluded.last_seen_at, data = excluded.data, updated_at = excluded.updated_at
        """;

    public static DbCommand BindUpsert(this DbCommand command, AlertRecord record, DateTimeOffset at) => command
        .With("@source", record.Source).With("@key", record.DedupKey).With("@ticket", record.Ticket)
        .With("@status", AlertTickets.Name(record.Status)).With("@occurrences", record.Occurrences)
        .With("@last_seen_at", UnixTime.ToMs(record.LastSeenAt)).With("@data", JsonSerializer.Serialize(record, TicketEventJson.Options))
        .With("@updated_at", UnixTime.ToMs(at));

    public static AlertRecord Parse(string json) =>
        JsonSerializer.Deserialize<AlertRecord>(json, TicketEventJson.Options) ?? throw new InvalidOperationException("An alert row holds no record.");
}
