using HelpDesk.Domain.Customers;
using HelpDesk.Domain.Meetings;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Escalations;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Tickets;

/// <summary>One ticket, keyed by its number: the single writer of its events, so commands never race.</summary>
public interface ITicketGrain : IGrainWithIntegerKey
{
    Task<TicketCommandResult> Open(OpenTicket command, Actor actor);

    Task<TicketCommandResult> AddMessage(AddMessage command, int? expectedVersion);

    Task<TicketCommandResult> Update(UpdateTicket command, Actor actor, int? expectedVersion);

    Task<TicketCommandResult> LinkExternalIssue(ExternalLink link, Actor actor);

    Task<TicketCommandResult> RecordExternalUpdate(RecordExternalUpdate update, Actor actor);

    Task<TicketCommandResult> UnlinkExternalIssue(string system, string key, Actor actor);

    /// <summary>
    /// Opens the alert's own ticket with the alert on it, storing the alert's record in the same transaction. Returns why
    /// not, or null.
    /// </summary>
    /// <remarks>Alert calls answer with the refusal only: a storm incident's state holds thousands of alerts, too much to copy back per call.</remarks>
    Task<Rejection?> OpenForAlert(OpenTicket command, string? queue, AlertRecord alert, Actor actor);

    /// <summary>Brings the alert on this ticket up to its record, storing the record in the same transaction. Returns why not, or null.</summary>
    Task<Rejection?> RecordAlert(AlertRecord alert, Actor actor);

    /// <summary>Asks for an escalation; a repeat of the same id, or a second one for a target already in flight, changes nothing.</summary>
    Task<TicketCommandResult> Escalate(EscalateTicket command, Actor actor);

    Task<TicketCommandResult> CompleteEscalation(string escalationId, ExternalLink link, Actor actor);

    Task<TicketCommandResult> FailEscalation(string escalationId, string reason, bool final, Actor actor);

    Task<TicketCommandResult> CommentOnEscalation(string escalationId, string commentId, string body, Actor actor);

    Task<TicketCommandResult> DeliverEscalationComment(string escalationId, string commentId, string externalId, Actor actor);

    /// <summary>Applies an SLA policy (or none); nothing when the same revision already applies.</summary>
    Task<TicketCommandResult> ApplySlaPolicy(SlaPolicyApplied applied);

    /// <summary>Records the SLA warnings and breaches due by <paramref name="asOf"/> (the watch's time) not recorded yet.</summary>
    Task<TicketCommandResult> RecordSlaCrossings(Actor actor, DateTimeOffset asOf);

    /// <summary>Records the requester's rating of the solve their link names, once per solve.</summary>
    Task<TicketCommandResult> RateSatisfaction(int solvedVersion, SatisfactionRating rating, string? comment);

    /// <summary>Keeps the requester's customer context; nothing when it says what the ticket already has.</summary>
    Task<TicketCommandResult> RecordCustomerContext(CustomerSnapshot context, Actor actor);

    /// <summary>Records a meeting a provider scheduled, with the reply inviting the customer; nothing when the ticket has it already.</summary>
    Task<TicketCommandResult> ScheduleMeeting(TicketMeeting meeting, string? invitation, Actor actor);

    /// <summary>Records news about one of the ticket's meetings, once per update id.</summary>
    Task<TicketCommandResult> RecordMeetingUpdate(MeetingUpdated update);

    Task<TicketState?> Get();

    /// <summary>Its status, or null when there is no such ticket: a cheap check where the whole state (a storm incident's thousands of alerts) is not needed.</summary>
    Task<TicketStatus?> GetStatus();
}
