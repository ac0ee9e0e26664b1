using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Sdk.Testing;

/// <summary>Meetings: the hub schedules them itself (through the plugin's <see cref="IMeetingProvider"/>), so a test seeds them.</summary>
public sealed partial class RecordingHelpDeskApi
{
    private readonly Dictionary<(string Provider, string MeetingId), long> _meetings = [];
    private readonly List<RecordedMeetingUpdate> _meetingUpdates = [];

    /// <summary>Every meeting update accepted, in order; redeliveries that changed nothing are not among them.</summary>
    public IReadOnlyList<RecordedMeetingUpdate> MeetingUpdates
    {
        get
        {
            lock (_gate)
            {
                return [.. _meetingUpdates];
            }
        }
    }

    /// <summary>Records that a ticket scheduled a meeting, as the hub does when the plugin's provider answers, without recording a call.</summary>
    /// <param name="ticket">The ticket's number; it must exist.</param>
    /// <param name="provider">The provider's name (<c>zoom</c>).</param>
    /// <param name="meetingId">The meeting's id at the provider.</param>
    /// <exception cref="HelpDeskApiException">There is no such ticket.</exception>
    public void SeedMeeting(long ticket, string provider, string meetingId)
    {
        lock (_gate)
        {
            _ = Existing(ticket);
            _meetings[(provider, meetingId)] = ticket;
        }
    }

    /// <inheritdoc/>
    public Task<TicketSnapshot?> RecordMeetingUpdateAsync(MeetingUpdate update, CancellationToken cancellationToken) =>
        Record(nameof(RecordMeetingUpdateAsync), [update], () => RecordMeetingUpdate(update), cancellationToken);

    private TicketSnapshot? RecordMeetingUpdate(MeetingUpdate update)
    {
        if (!_meetings.TryGetValue((update.Provider, update.MeetingId), out var number))
        {
            return null;
        }

        var ticket = Existing(number);
        if (update.Id is null || !_meetingUpdates.Exists(u => u.Ticket == number && u.Update.Id == update.Id))
        {
            _meetingUpdates.Add(new RecordedMeetingUpdate(number, update, _timeProvider.GetUtcNow()));
        }

        return ticket.Snapshot();
    }
}
