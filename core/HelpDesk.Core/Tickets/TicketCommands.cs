using HelpDesk.Domain.Customers;
using HelpDesk.Domain.Meetings;
using HelpDesk.Domain.Events;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Escalations;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Tickets;

/// <summary>The one way in for changes to tickets, shared by the REST API and (later) plugins.</summary>
public sealed class TicketCommands(IGrainFactory grains, TicketNumberAllocator numbers)
{
    /// <param name="idempotencyKey">Already scoped to the caller, or null for a plain create.</param>
    public async Task<TicketCommandResult> OpenAsync(OpenTicket command, Actor actor, string? idempotencyKey, string? requestHash, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null)
        {
            return await grains.GetGrain<IIdempotentCreateGrain>(idempotencyKey).Create(command, actor, requestHash ?? "");
        }

        var number = await numbers.NextAsync(cancellationToken);
        return await grains.GetGrain<ITicketGrain>(number).Open(command, actor);
    }

    public Task<TicketCommandResult> AddMessageAsync(long number, AddMessage command, int? expectedVersion) =>
        grains.GetGrain<ITicketGrain>(number).AddMessage(command, expectedVersion);

    public Task<TicketCommandResult> UpdateAsync(long number, UpdateTicket command, Actor actor, int? expectedVersion) =>
        grains.GetGrain<ITicketGrain>(number).Update(command, actor, expectedVersion);

    public Task<TicketCommandResult> ApplySlaPolicyAsync(long number, SlaPolicyApplied applied) =>
        grains.GetGrain<ITicketGrain>(number).ApplySlaPolicy(applied);

    public Task<TicketCommandResult> RecordSlaCrossingsAsync(long number, Actor actor, DateTimeOffset asOf) =>
        grains.GetGrain<ITicketGrain>(number).RecordSlaCrossings(actor, asOf);

    public Task<TicketCommandResult> RateSatisfactionAsync(long number, int solvedVersion, SatisfactionRating rating, string? comment) =>
        grains.GetGrain<ITicketGrain>(number).RateSatisfaction(solvedVersion, rating, comment);

    public Task<TicketCommandResult> RecordCustomerContextAsync(long number, CustomerSnapshot context, Actor actor) =>
        grains.GetGrain<ITicketGrain>(number).RecordCustomerContext(context, actor);

    public Task<TicketCommandResult> ScheduleMeetingAsync(long number, TicketMeeting meeting, string? invitation, Actor actor) =>
        grains.GetGrain<ITicketGrain>(number).ScheduleMeeting(meeting, invitation, actor);

    public Task<TicketCommandResult> RecordMeetingUpdateAsync(long number, MeetingUpdated update) =>
        grains.GetGrain<ITicketGrain>(number).RecordMeetingUpdate(update);

    public Task<TicketCommandResult> LinkExternalIssueAsync(long number, ExternalLink link, Actor actor) =>
        grains.GetGrain<ITicketGrain>(number).LinkExternalIssue(link, actor);

    public Task<TicketCommandResult> RecordExternalUpdateAsync(long number, RecordExternalUpdate update, Actor actor) =>
        grains.GetGrain<ITicketGrain>(number).RecordExternalUpdate(update, actor);

    public Task<TicketCommandResult> UnlinkExternalIssueAsync(long number, string system, string key, Actor actor) =>
        grains.GetGrain<ITicketGrain>(number).UnlinkExternalIssue(system, key, actor);

    public Task<TicketCommandResult> EscalateAsync(long number, EscalateTicket command, Actor actor) =>
        grains.GetGrain<ITicketGrain>(number).Escalate(command, actor);

    public Task<TicketCommandResult> CompleteEscalationAsync(long number, string escalationId, ExternalLink link, Actor actor) =>
        grains.GetGrain<ITicketGrain>(number).CompleteEscalation(escalationId, link, actor);

    public Task<TicketCommandResult> CommentOnEscalationAsync(long number, string escalationId, string commentId, string body, Actor actor) =>
        grains.GetGrain<ITicketGrain>(number).CommentOnEscalation(escalationId, commentId, body, actor);

    public Task<TicketCommandResult> DeliverEscalationCommentAsync(long number, string escalationId, string commentId, string externalId, Actor actor) =>
        grains.GetGrain<ITicketGrain>(number).DeliverEscalationComment(escalationId, commentId, externalId, actor);

    public Task<TicketCommandResult> FailEscalationAsync(long number, string escalationId, string reason, bool final, Actor actor) =>
        grains.GetGrain<ITicketGrain>(number).FailEscalation(escalationId, reason, final, actor);
}
