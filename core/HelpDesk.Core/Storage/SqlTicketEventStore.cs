using System.Data.Common;
using HelpDesk.Domain.Events;

namespace HelpDesk.Core.Storage;

public sealed class SqlTicketEventStore(Database database, TicketEventWriter writer) : ITicketEventStore
{
    private const string Columns = "position, ticket, version, type, data";

    public Task<AppendOutcome> AppendAsync(TicketAppend append) => writer.AppendAsync(append);

    public Task<IReadOnlyList<StoredTicketEvent>> ReadTicketAsync(long ticket, CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {Columns} FROM ticket_events WHERE ticket = @ticket ORDER BY version", c => c.With("@ticket", ticket), cancellationToken);

    public Task<IReadOnlyList<StoredTicketEvent>> ReadAllAsync(long afterPosition, int max, CancellationToken cancellationToken) =>
        ReadAsync(
            $"SELECT {Columns} FROM ticket_events WHERE position > @after ORDER BY position LIMIT @max",
            c => c.With("@after", afterPosition).With("@max", max),
            cancellationToken);

    private async Task<IReadOnlyList<StoredTicketEvent>> ReadAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredTicketEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var type = reader.GetString(3);
            events.Add(new StoredTicketEvent(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), type, TicketEventJson.Deserialize(type, reader.GetString(4))));
        }

        return events;
    }
}
