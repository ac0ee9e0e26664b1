using HelpDesk.Core.Storage;

namespace HelpDesk.Core.Messages;

/// <summary>
/// Every Message-ID a ticket received (written with the ticket's events) or sent (written before sending), so the
/// customer's answer threads onto its ticket by In-Reply-To and References, and our replies thread under theirs.
/// </summary>
public sealed class MessageIndex(Database database)
{
    /// <summary>The ticket of the first id found, trying them in the order given.</summary>
    public async Task<long?> FindTicketAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        var ids = messageIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).Take(100).ToList();
        if (ids.Count == 0)
        {
            return null;
        }

        var found = await database.QueryAsync(
            $"SELECT message_id, ticket FROM ticket_message_ids WHERE message_id IN ({DbCommandExtensions.ListOf("id", ids.Count)})",
            command => command.WithEach("id", ids),
            reader => (Id: reader.GetString(0), Ticket: reader.GetInt64(1)),
            cancellationToken);
        var byId = found.ToDictionary(f => f.Id, f => f.Ticket, StringComparer.Ordinal);
        return ids.Select(id => byId.TryGetValue(id, out var ticket) ? ticket : (long?)null).FirstOrDefault(t => t is not null);
    }

    /// <summary>Records a message we are about to send; recording it again changes nothing.</summary>
    public Task RecordSentAsync(string messageId, long ticket, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "INSERT INTO ticket_message_ids (message_id, ticket, sent, at) VALUES (@id, @ticket, 1, @at) ON CONFLICT DO NOTHING",
            command => command.With("@id", messageId).With("@ticket", ticket).With("@at", UnixTime.ToMs(at)),
            cancellationToken);

    /// <summary>The ticket's thread, oldest first: what an email's References lists.</summary>
    public Task<IReadOnlyList<ThreadMessage>> ThreadAsync(long ticket, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT message_id, sent FROM ticket_message_ids WHERE ticket = @ticket ORDER BY at, message_id",
            command => command.With("@ticket", ticket),
            reader => new ThreadMessage(reader.GetString(0), reader.GetInt32(1) == 1),
            cancellationToken);
}

/// <summary>One message of a ticket's email thread.</summary>
public sealed record ThreadMessage(string MessageId, bool Sent);
