using System.Text.Json;
using System.Data.Common;
using System.Text;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Queries;

/// <summary>Reads the relational projection: lists, search and single tickets, never grain by grain.</summary>
public sealed class TicketQueries(Database database)
{
    public async Task<TicketState?> GetAsync(long number, CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            $"SELECT {TicketRowReader.Columns} FROM tickets t WHERE t.number = @number",
            command => command.With("@number", number),
            TicketRowReader.Read,
            cancellationToken)).SingleOrDefault();

    public async Task<TicketPage> ListAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = BuildListSql(query, command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<TicketState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(TicketRowReader.Read(reader));
        }

        if (items.Count <= query.Limit)
        {
            return new TicketPage(items, null);
        }

        items.RemoveAt(items.Count - 1);
        var last = items[^1];
        return new TicketPage(items, new TicketCursor(query.Sort, TicketRowReader.SortValue(last, query.Sort.Field), last.Number));
    }

    public Task<IReadOnlyList<TicketMessage>> MessagesAsync(long number, bool includeInternal, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT id, version, kind, visibility, author_kind, author_id, author_name, body, created_at, html, attachments FROM ticket_texts "
            + "WHERE ticket = @number AND kind <> 'subject'" + (includeInternal ? "" : " AND visibility = 'public'") + " ORDER BY id",
            command => command.With("@number", number),
            reader => new TicketMessage(
                reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), Names.Parse<MessageVisibility>(reader.GetString(3)),
                new Actor(Names.Parse<ActorKind>(reader.GetString(4)), reader.GetString(5), reader.NullableString(6)),
                reader.GetString(7), UnixTime.FromMs(reader.GetInt64(8)))
            {
                Html = reader.NullableString(9),
                Attachments = reader.NullableString(10) is { } files ? JsonSerializer.Deserialize<List<Attachment>>(files, TicketEventJson.Options) ?? [] : [],
            },
            cancellationToken);

    /// <summary>One of the ticket's files, as it was attached (name and type as sent).</summary>
    public async Task<Attachment?> AttachmentAsync(long number, string id, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync(
            "SELECT id, file_name, content_type, size FROM ticket_attachments WHERE ticket = @number AND id = @id",
            command => command.With("@number", number).With("@id", id),
            reader => new Attachment(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)),
            cancellationToken);
        return rows is [var attachment] ? attachment : null;
    }

    private string BuildListSql(TicketQuery query, DbCommand command)
    {
        var sql = new StringBuilder($"SELECT {TicketRowReader.Columns} FROM tickets t WHERE 1 = 1");
        if (query.Statuses is { Count: > 0 } statuses)
        {
            sql.Append(" AND t.status IN (").Append(command.WithList("status", statuses.Select(Names.Of).ToList())).Append(')');
        }

        if (query.Priorities is { Count: > 0 } priorities)
        {
            sql.Append(" AND t.priority IN (").AppendJoin(", ", priorities.Select(p => (int)p)).Append(')');
        }

        if (query.SlaStates is { Count: > 0 } slaStates)
        {
            sql.Append(" AND t.sla_state IN (").Append(command.WithList("sla_state", slaStates.Select(Names.Of).ToList())).Append(')');
        }

        if (query.VisibleTo is { } visible)
        {
            sql.Append(" AND (t.assignee = @visible_agent");
            command.With("@visible_agent", visible.Agent);
            if (visible.Queues.Count > 0)
            {
                sql.Append(" OR t.queue IN (").Append(command.WithList("visible_queue", visible.Queues)).Append(')');
            }

            sql.Append(')');
        }

        if (query.Assignee == TicketQuery.Unassigned)
        {
            sql.Append(" AND t.assignee IS NULL");
        }
        else if (query.Assignee is { } assignee)
        {
            sql.Append(" AND t.assignee = @assignee");
            command.With("@assignee", assignee);
        }

        Filter(sql, command, "t.queue = @queue", "@queue", query.Queue);
        // The projection keeps these lower-cased, so the comparison ignores case and still uses the index.
        Filter(sql, command, "t.customer_tier = @customer_tier", "@customer_tier", query.CustomerTier?.ToLowerInvariant());
        Filter(sql, command, "t.customer_segment = @customer_segment", "@customer_segment", query.CustomerSegment?.ToLowerInvariant());
        Filter(sql, command, "t.customer_region = @customer_region", "@customer_region", query.CustomerRegion?.ToLowerInvariant());
        Filter(sql, command, "t.external_id = @external_id", "@external_id", query.ExternalId);
        if (query.LinkedTo is { } linked)
        {
            sql.Append(" AND t.number IN (SELECT l.ticket FROM ticket_links l WHERE l.system = @link_system AND l.external_key = @link_key)");
            command.With("@link_system", linked.System).With("@link_key", linked.Key);
        }

        Filter(sql, command, "t.requester_email = @requester", "@requester", query.RequesterEmail?.ToLowerInvariant());
        Filter(sql, command, "t.number IN (SELECT g.ticket FROM ticket_tags g WHERE g.tag = @tag)", "@tag", query.Tag?.ToLowerInvariant());
        Filter(sql, command, "t.created_at >= @from", "@from", UnixTime.ToMs(query.CreatedFrom));
        Filter(sql, command, "t.created_at < @to", "@to", UnixTime.ToMs(query.CreatedTo));
        if (query.Words is { Count: > 0 } words)
        {
            sql.Append(" AND ").Append(database.FullTextCondition(query.IncludeInternal));
            command.With("@q", database.FullTextQuery(words));
        }

        var column = "t." + query.Sort.Column;
        var direction = query.Sort.Descending ? "DESC" : "ASC";
        if (query.After is { } after)
        {
            var comparison = query.Sort.Descending ? "<" : ">";
            sql.Append(FormattableString.Invariant(
                $" AND ({column} {comparison} @after_value OR ({column} = @after_value AND t.number {comparison} @after_number))"));
            command.With("@after_value", after.SortValue).With("@after_number", after.Number);
        }

        sql.Append(FormattableString.Invariant($" ORDER BY {column} {direction}, t.number {direction} LIMIT @limit"));
        command.With("@limit", query.Limit + 1);
        return sql.ToString();
    }

    private static void Filter(StringBuilder sql, DbCommand command, string condition, string parameter, object? value)
    {
        if (value is not null)
        {
            sql.Append(" AND ").Append(condition);
            command.With(parameter, value);
        }
    }
}
