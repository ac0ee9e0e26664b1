using HelpDesk.Domain.Customers;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Meetings;

namespace HelpDesk.Domain.Tickets;

/// <summary>What a ticket keeps of its customer's context and of the meetings scheduled from it.</summary>
public sealed partial class TicketState
{
    /// <summary>The requester's latest customer context; null until the providers were first asked.</summary>
    public CustomerSnapshot? Customer { get; set; }

    public List<TicketMeeting> Meetings { get; set; } = [];

    /// <summary>Meeting updates already recorded, by the provider's delivery identity, so a redelivery changes nothing.</summary>
    public SortedSet<string> MeetingUpdateIds { get; set; } = new(StringComparer.Ordinal);

    private void ApplyCustomerOrMeeting(TicketEvent @event)
    {
        switch (@event)
        {
            case CustomerContextUpdated updated:
                Customer = updated.Context;
                break;
            case MeetingScheduled scheduled:
                Meetings.Add(scheduled.Meeting);
                break;
            case MeetingUpdated updated:
                if (updated.UpdateId is { } id)
                {
                    MeetingUpdateIds.Add(id);
                }

                var index = Meetings.FindIndex(m => m.Provider == updated.Provider && m.Id == updated.MeetingId);
                if (index >= 0)
                {
                    Meetings[index] = Updated(Meetings[index], updated);
                }

                break;
        }
    }

    private static TicketMeeting Updated(TicketMeeting meeting, MeetingUpdated update) => update.Change switch
    {
        // Webhooks arrive in any order: a late "started" neither reopens an ended meeting nor moves its start.
        MeetingChange.Started => meeting with
        {
            Status = meeting.Status == MeetingStatus.Ended ? MeetingStatus.Ended : MeetingStatus.Started,
            StartedAt = meeting.StartedAt ?? update.OccurredAt,
        },
        MeetingChange.Ended => meeting with
        {
            Status = MeetingStatus.Ended,
            EndedAt = update.OccurredAt,
            Lasted = update.Lasted ?? (meeting.StartedAt is { } started ? update.OccurredAt - started : null),
        },
        _ => meeting with { RecordingUrl = update.RecordingUrl ?? meeting.RecordingUrl },
    };
}
