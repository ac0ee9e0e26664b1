using HelpDesk.Domain.Customers;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Meetings;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

/// <summary>The customer's context on the ticket, and meetings scheduled from it.</summary>
public sealed partial class TicketDecider
{
    /// <summary>Keeps the requester's context; one that says the same as the ticket's records nothing.</summary>
    public static Decision RecordCustomerContext(TicketState state, CustomerSnapshot context, Actor actor, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            return NoSuchTicket;
        }

        if (!string.Equals(context.Email, state.Requester?.Email, StringComparison.OrdinalIgnoreCase))
        {
            return new Rejection(RejectionKind.Invalid, "email", "The context is for someone other than the ticket's requester.");
        }

        // Lookups finish out of order (the enricher, the refresh job, an agent's refresh, other nodes): the newest wins.
        return state.Customer is { } known && (known.SameAs(context) || context.FetchedAt < known.FetchedAt)
            ? Decision.Accept([])
            : Decision.Accept([new CustomerContextUpdated(actor, now, context)]);
    }

    /// <summary>
    /// Records a meeting the provider scheduled and, with an <paramref name="invitation"/>, the public reply inviting the
    /// customer, together: the same meeting (or the same request) twice records, and invites, once.
    /// </summary>
    public static Decision ScheduleMeeting(TicketState state, TicketMeeting meeting, string? invitation, Actor actor, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            return NoSuchTicket;
        }

        var problem = TicketInput.SingleLine("topic", meeting.Topic, TicketLimits.Subject)
            ?? TicketInput.SingleLine("id", meeting.Id, TicketLimits.ExternalId)
            ?? WebLink("joinUrl", meeting.JoinUrl, TicketLimits.Url, required: true)
            ?? WebLink("startUrl", meeting.StartUrl, TicketLimits.Url * 2, required: false);
        if (problem is not null)
        {
            return problem;
        }

        if (state.Meetings.Exists(m => (m.Provider == meeting.Provider && m.Id == meeting.Id) || (meeting.RequestKey is { } key && m.RequestKey == key)))
        {
            return Decision.Accept([]);
        }

        var scheduled = new MeetingScheduled(actor, now, meeting with { Status = MeetingStatus.Scheduled });
        if (invitation is null)
        {
            return Decision.Accept([scheduled]);
        }

        var invited = AddMessage(state, new AddMessage(invitation, MessageVisibility.Public, actor), now);
        return invited.IsRejected ? invited : Decision.Accept([scheduled, .. invited.Events]);
    }

    /// <summary>Records news about one of the ticket's meetings, once per <paramref name="update"/>'s id.</summary>
    public static Decision RecordMeetingUpdate(TicketState state, MeetingUpdated update)
    {
        if (!state.Exists)
        {
            return NoSuchTicket;
        }

        if (!state.Meetings.Exists(m => m.Provider == update.Provider && m.Id == update.MeetingId))
        {
            return new Rejection(RejectionKind.NotFound, "meetingId", $"The ticket has no {update.Provider} meeting {update.MeetingId}.");
        }

        if (update.Lasted is { } lasted && (lasted < TimeSpan.Zero || lasted > TimeSpan.FromDays(2)))
        {
            return new Rejection(RejectionKind.Invalid, "duration", "A meeting lasts between zero and two days.");
        }

        if (WebLink("recordingUrl", update.RecordingUrl, TicketLimits.Url, required: false) is { } badLink)
        {
            return badLink;
        }

        return update.UpdateId is { } id && state.MeetingUpdateIds.Contains(id)
            ? Decision.Accept([])
            : Decision.Accept([update]);
    }

    // Links agents and customers will click: web addresses only, never javascript: or the like.
    private static Rejection? WebLink(string field, string? url, int max, bool required) =>
        TicketInput.SingleLine(field, url, max, required)
        ?? (url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
            ? null
            : Rejection.Invalid(field, $"{field} must be an http(s) address."));
}
