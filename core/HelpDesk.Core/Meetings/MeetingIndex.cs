using HelpDesk.Core.Storage;

namespace HelpDesk.Core.Meetings;

/// <summary>Which ticket scheduled a provider's meeting (written with <see cref="Domain.Events.MeetingScheduled"/>), for its webhooks.</summary>
public sealed class MeetingIndex(Database database)
{
    public async Task<long?> FindTicketAsync(string provider, string meetingId, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            "SELECT ticket FROM ticket_meetings WHERE provider = @provider AND meeting_id = @id",
            command => command.With("@provider", provider).With("@id", meetingId),
            reader => reader.GetInt64(0),
            cancellationToken) is [var ticket, ..] ? ticket : null;
}
