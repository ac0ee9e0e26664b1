using HelpDesk.Domain.Events;
using HelpDesk.Domain.Meetings;

namespace HelpDesk.Server.Contracts;

/// <summary>
/// Which of a ticket's events a customer's key may read, and how: the conversation and the ticket's status, and meetings
/// without the host's start link or the recording. The team's side (internal notes, assignment, priority, tags, SLA
/// clocks, escalations and what engineering wrote, monitoring alerts, the customer's CRM and ERP context) is not theirs.
/// </summary>
public static class CustomerView
{
    public static TicketEvent? Of(TicketEvent @event) => @event switch
    {
        TicketOpened or CustomerReplied or AgentReplied or StatusChanged or SatisfactionRated => @event,
        MeetingScheduled scheduled => scheduled with { Meeting = scheduled.Meeting.ForCustomer() },
        MeetingUpdated { Change: MeetingChange.Started or MeetingChange.Ended } updated => updated with { RecordingUrl = null, UpdateId = null },
        _ => null,
    };
}
