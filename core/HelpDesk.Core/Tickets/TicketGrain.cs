using HelpDesk.Domain.Customers;
using HelpDesk.Domain.Meetings;
using HelpDesk.Core.Alerts;
using HelpDesk.Core.Escalations;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Escalations;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;
using Microsoft.Extensions.Options;
using Orleans.EventSourcing;
using Orleans.EventSourcing.CustomStorage;
using Orleans.Providers;

namespace HelpDesk.Core.Tickets;

/// <summary>
/// An event-sourced ticket. Commands are decided on the current state and their events raised
/// conditionally: they are written only on top of the version they were decided on, so a conflict
/// (another activation wrote first) is reported to the caller and never overwrites anything.
/// </summary>
[LogConsistencyProvider(ProviderName = LogConsistencyProviderName)]
public sealed class TicketGrain(
    ITicketEventStore store, AlertStore alertStore, TicketDecider decider, AlertPolicy alertPolicy, IOptions<EscalationOptions> escalations, TimeProvider time)
    : JournaledGrain<TicketState, TicketEvent>, ITicketGrain, ICustomStorageInterface<TicketState, TicketEvent>
{
    public const string LogConsistencyProviderName = "TicketLog";

    // The alert record a command in progress writes with its events; commands run one at a time, so one field does.
    private AlertRecord? _alertBeingRecorded;

    private long Number => this.GetPrimaryKeyLong();

    public Task<TicketCommandResult> Open(OpenTicket command, Actor actor) =>
        CommitAsync(null, () => decider.Open(State, Number, command, actor, Now()));

    public Task<TicketCommandResult> AddMessage(AddMessage command, int? expectedVersion) =>
        CommitAsync(expectedVersion, () => TicketDecider.AddMessage(State, command, Now()));

    public Task<TicketCommandResult> Update(UpdateTicket command, Actor actor, int? expectedVersion) =>
        CommitAsync(expectedVersion, () => decider.Update(State, command, actor, Now()));

    public Task<TicketCommandResult> ApplySlaPolicy(SlaPolicyApplied applied) =>
        CommitAsync(null, () => TicketDecider.ApplySlaPolicy(State, applied with { At = Now() }));

    public Task<TicketCommandResult> RecordSlaCrossings(Actor actor, DateTimeOffset asOf) =>
        CommitAsync(null, () => TicketDecider.RecordSlaCrossings(State, actor, asOf));

    public Task<TicketCommandResult> RateSatisfaction(int solvedVersion, SatisfactionRating rating, string? comment) =>
        CommitAsync(null, () => TicketDecider.RateSatisfaction(State, solvedVersion, rating, comment, Now()));

    public Task<TicketCommandResult> RecordCustomerContext(CustomerSnapshot context, Actor actor) =>
        CommitAsync(null, () => TicketDecider.RecordCustomerContext(State, context, actor, Now()));

    public Task<TicketCommandResult> ScheduleMeeting(TicketMeeting meeting, string? invitation, Actor actor) =>
        CommitAsync(null, () => TicketDecider.ScheduleMeeting(State, meeting, invitation, actor, Now()));

    public Task<TicketCommandResult> RecordMeetingUpdate(MeetingUpdated update) =>
        CommitAsync(null, () => TicketDecider.RecordMeetingUpdate(State, update with { At = Now() }));

    public Task<TicketCommandResult> LinkExternalIssue(ExternalLink link, Actor actor) =>
        CommitAsync(null, () => TicketDecider.LinkExternalIssue(State, link, actor, Now()));

    public Task<TicketCommandResult> RecordExternalUpdate(RecordExternalUpdate update, Actor actor) =>
        CommitAsync(null, () => TicketDecider.RecordExternalUpdate(State, update, actor, Now(), escalations.Value.ReopenWhenDone));

    public Task<Rejection?> OpenForAlert(OpenTicket command, string? queue, AlertRecord alert, Actor actor) =>
        CommitAlertAsync(alert, () => decider.OpenForAlert(State, Number, command, queue, alert.View(), alertPolicy, actor, Now()));

    public Task<Rejection?> RecordAlert(AlertRecord alert, Actor actor) =>
        CommitAlertAsync(alert, () => TicketDecider.RecordAlert(State, alert.View(), alertPolicy, actor, Now()));

    public Task<TicketCommandResult> UnlinkExternalIssue(string system, string key, Actor actor) =>
        CommitAsync(null, () => TicketDecider.UnlinkExternalIssue(State, system, key, actor, Now()));

    public Task<TicketCommandResult> Escalate(EscalateTicket command, Actor actor) =>
        CommitAsync(null, () => TicketDecider.Escalate(State, command, actor, Now()));

    public Task<TicketCommandResult> CompleteEscalation(string escalationId, ExternalLink link, Actor actor) =>
        CommitAsync(null, () => TicketDecider.CompleteEscalation(State, escalationId, link, actor, Now()));

    public Task<TicketCommandResult> FailEscalation(string escalationId, string reason, bool final, Actor actor) =>
        CommitAsync(null, () => TicketDecider.FailEscalation(State, escalationId, reason, final, actor, Now()));

    public Task<TicketCommandResult> CommentOnEscalation(string escalationId, string commentId, string body, Actor actor) =>
        CommitAsync(null, () => TicketDecider.CommentOnEscalation(State, escalationId, commentId, body, actor, Now()));

    public Task<TicketCommandResult> DeliverEscalationComment(string escalationId, string commentId, string externalId, Actor actor) =>
        CommitAsync(null, () => TicketDecider.DeliverEscalationComment(State, escalationId, commentId, externalId, actor, Now()));

    public Task<TicketState?> Get() => Task.FromResult(State.Exists ? State.Copy() : null);

    public Task<TicketStatus?> GetStatus() => Task.FromResult(State.Exists ? State.Status : (TicketStatus?)null);

    public async Task<KeyValuePair<int, TicketState>> ReadStateFromStorage()
    {
        var state = new TicketState();
        foreach (var stored in await store.ReadTicketAsync(Number, CancellationToken.None))
        {
            state.Apply(stored.Event);
        }

        return new(state.Version, state);
    }

    public async Task<bool> ApplyUpdatesToStorage(IReadOnlyList<TicketEvent> updates, int expectedVersion)
    {
        var result = State.Copy(); // State is the confirmed view, at expectedVersion
        foreach (var update in updates)
        {
            result.Apply(update);
        }

        return await store.AppendAsync(new TicketAppend(Number, expectedVersion, updates, result, _alertBeingRecorded)) == AppendOutcome.Appended;
    }

    // Stored times have millisecond precision; deciding on the same precision keeps answers equal to later reads.
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    protected override void TransitionState(TicketState state, TicketEvent @event) => state.Apply(@event);

    /// <summary>Records an alert's change and stores its record in the same transaction; alone when the ticket has nothing to record.</summary>
    private async Task<Rejection?> CommitAlertAsync(AlertRecord alert, Func<Decision> decide)
    {
        _alertBeingRecorded = alert;
        try
        {
            var decision = decide();
            if (decision.Rejection is null && decision.Events.Count == 0)
            {
                await alertStore.SaveAsync(alert, CancellationToken.None);
                return null;
            }

            return (await CommitAsync(null, () => decision)).Rejection;
        }
        finally
        {
            _alertBeingRecorded = null;
        }
    }

    private async Task<TicketCommandResult> CommitAsync(int? expectedVersion, Func<Decision> decide)
    {
        // A ticket that does not exist is not found, whatever version the caller expected.
        if (expectedVersion is { } expected && expected != Version && State.Exists)
        {
            return TicketCommandResult.Rejected(new Rejection(
                RejectionKind.PreconditionFailed, "If-Match", $"The ticket is at version {Version}, not {expected}; reload it and try again."));
        }

        var decision = decide();
        if (decision.Rejection is { } rejection)
        {
            if (!State.Exists)
            {
                // Nothing to keep in memory for a number that holds no ticket.
                DeactivateOnIdle();
            }

            return TicketCommandResult.Rejected(rejection);
        }

        if (decision.Events.Count > 0 && !await RaiseConditionalEvents(decision.Events))
        {
            return TicketCommandResult.Rejected(new Rejection(
                RejectionKind.Conflict, "version", "The ticket was changed elsewhere at the same time; reload it and try again."));
        }

        return new TicketCommandResult(State.Copy(), null);
    }
}
