using HelpDesk.Domain.Escalations;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

/// <summary>
/// Escalations: asked for once per target at a time (a retried or doubled request changes nothing), then completed
/// with the tracker's issue or failed, by the escalation worker.
/// </summary>
public sealed partial class TicketDecider
{
    public const int EscalationIdLength = 100;
    public const int EscalationErrorLength = 1_000;

    public static Decision Escalate(TicketState state, EscalateTicket command, Actor actor, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            return NoSuchTicket;
        }

        var problem = TicketInput.SingleLine("target", command.Target, TicketLimits.System)
            ?? TicketInput.SingleLine("id", command.Id, EscalationIdLength)
            ?? TicketInput.SingleLine("project", command.Project, TicketLimits.System, required: false)
            ?? TicketInput.SingleLine("issueType", command.IssueType, TicketLimits.System, required: false)
            ?? TicketInput.SingleLine("summary", command.Summary, TicketLimits.Subject, required: false)
            ?? TicketInput.Text("note", command.Note, TicketLimits.Body, required: false)
            ?? TicketInput.SingleLine("link", command.LinkKey, TicketLimits.ExternalId, required: false);
        if (problem is not null)
        {
            return problem;
        }

        var target = command.Target.Trim();
        var linkKey = TicketInput.Blank(command.LinkKey);
        var repeated = state.Escalations.Exists(e => e.Id == command.Id || (e.Target == target && e.InFlight))
            || (linkKey is not null && state.ExternalLinks.Exists(l => l.System == target && l.Key == linkKey));
        if (repeated)
        {
            return Decision.Accept([]);
        }

        return state.Status == TicketStatus.Closed
            ? ClosedForChanges(state)
            : Decision.Accept([new EscalationRequested(
                actor, now, command.Id, target, TicketInput.Blank(command.Project), TicketInput.Blank(command.IssueType),
                TicketInput.Blank(command.Summary), TicketInput.Blank(command.Note), linkKey)]);
    }

    /// <summary>The tracker's issue for the escalation: the ticket is linked to it. A replay after it is done changes nothing.</summary>
    public static Decision CompleteEscalation(TicketState state, string escalationId, ExternalLink link, Actor actor, DateTimeOffset now)
    {
        if (Pending(state, escalationId) is { } notPending)
        {
            return notPending;
        }

        var problem = TicketInput.SingleLine("system", link.System, TicketLimits.System)
            ?? TicketInput.SingleLine("key", link.Key, TicketLimits.ExternalId)
            ?? TicketInput.SingleLine("url", link.Url, TicketLimits.Url, required: false)
            ?? TicketInput.SingleLine("status", link.Status, TicketLimits.ExternalStatus, required: false);
        return problem ?? Decision.Accept([new Escalated(actor, now, escalationId, link with
        {
            System = link.System.Trim(),
            Key = link.Key.Trim(),
            Url = TicketInput.Blank(link.Url),
            Status = TicketInput.Blank(link.Status),
        })]);
    }

    /// <summary>An attempt failed: recorded when the escalation starts failing (not at every retry), or when it is given up.</summary>
    public static Decision FailEscalation(TicketState state, string escalationId, string reason, bool final, Actor actor, DateTimeOffset now)
    {
        if (Pending(state, escalationId) is { } notPending)
        {
            return notPending;
        }

        var escalation = state.Escalations.Find(e => e.Id == escalationId)!;
        if (!final && escalation.State == EscalationState.Failing)
        {
            return Decision.Accept([]);
        }

        var why = string.IsNullOrWhiteSpace(reason) ? "The tracker failed without saying why." : reason.Trim();
        return Decision.Accept([new EscalationFailed(actor, now, escalationId, why.Length <= EscalationErrorLength ? why : why[..EscalationErrorLength], final)]);
    }

    /// <summary>A note for the escalation's issue: only once it exists; a repeated note id changes nothing.</summary>
    public static Decision CommentOnEscalation(TicketState state, string escalationId, string commentId, string body, Actor actor, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            return NoSuchTicket;
        }

        var problem = TicketInput.Text("body", body, TicketLimits.Body) ?? TicketInput.SingleLine("id", commentId, EscalationIdLength);
        if (problem is not null)
        {
            return problem;
        }

        if (state.Escalations.Find(e => e.Id == escalationId) is not { } escalation)
        {
            return new Rejection(RejectionKind.NotFound, "escalationId", $"Ticket #{state.Number} has no escalation {escalationId}.");
        }

        if (escalation.PendingNotes.Any(n => n.Id == commentId) || state.EscalationNoteIds.Contains(commentId))
        {
            return Decision.Accept([]);
        }

        if (escalation.State != EscalationState.Done)
        {
            return new Rejection(RejectionKind.Conflict, "escalationId", $"Escalation {escalationId} has no issue yet ({escalation.State.ToString().ToLowerInvariant()}); add the note once it is done.");
        }

        return state.Status == TicketStatus.Closed
            ? ClosedForChanges(state)
            : Decision.Accept([new EscalationCommentAdded(actor, now, escalationId, commentId, body)]);
    }

    public static Decision DeliverEscalationComment(TicketState state, string escalationId, string commentId, string externalId, Actor actor, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            return NoSuchTicket;
        }

        var pending = state.Escalations.Find(e => e.Id == escalationId)?.PendingNotes.Any(n => n.Id == commentId) == true;
        return pending
            ? Decision.Accept([new EscalationCommentDelivered(actor, now, escalationId, commentId, externalId.Trim())])
            : Decision.Accept([]);
    }

    // Settled escalations and closed tickets take no more results: a late or replayed answer changes nothing.
    private static Decision? Pending(TicketState state, string escalationId)
    {
        if (!state.Exists)
        {
            return NoSuchTicket;
        }

        if (state.Escalations.Find(e => e.Id == escalationId) is not { } escalation)
        {
            return Rejection.Invalid("escalationId", $"Ticket #{state.Number} has no escalation {escalationId}.");
        }

        return escalation.InFlight && state.Status != TicketStatus.Closed ? null : Decision.Accept([]);
    }
}
