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

    public Task<long> LastPositionAsync(CancellationToken cancellationToken) =>
        database.Int64Async("SELECT COALESCE(MAX(position), 0) FROM ticket_events", _ => { }, cancellationToken);

    private Task<IReadOnlyList<StoredTicketEvent>> ReadAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken) =>
        database.QueryAsync(sql, bind, Read, cancellationToken);

    private static StoredTicketEvent Read(DbDataReader reader)
    {
        var type = reader.GetString(3);
        return new StoredTicketEvent(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), type, TicketEventJson.Deserialize(type, reader.GetString(4)));
    }
}
