using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

/// <summary>Links to items in other systems (Jira, GitHub) and the updates those systems report.</summary>
public sealed partial class TicketDecider
{
    public static Decision LinkExternalIssue(TicketState state, ExternalLink link, Actor actor, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            return NoSuchTicket;
        }

        var problem = TicketInput.SingleLine("system", link.System, TicketLimits.System)
            ?? TicketInput.SingleLine("key", link.Key, TicketLimits.ExternalId)
            ?? TicketInput.SingleLine("url", link.Url, TicketLimits.Url, required: false);
        if (problem is not null)
        {
            return problem;
        }

        return state.ExternalLinks.Any(l => l.System == link.System && l.Key == link.Key)
            ? Decision.Accept([])
            : Decision.Accept([new ExternalIssueLinked(actor, now, link)]);
    }

    /// <param name="reopenWhenDone">
    /// When the item reaches a done status while the ticket waits (pending or on-hold), the ticket goes back to open so
    /// its agent tells the customer.
    /// </param>
    /// <summary>Removes a link; the escalation that made it, if any, stays in the ticket's history.</summary>
    public static Decision UnlinkExternalIssue(TicketState state, string system, string key, Actor actor, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            return NoSuchTicket;
        }

        if (!state.ExternalLinks.Exists(l => l.System == system && l.Key == key))
        {
            return new Rejection(RejectionKind.NotFound, "key", $"Ticket #{state.Number} is not linked to {system} {key}.");
        }

        return state.Status == TicketStatus.Closed ? ClosedForChanges(state) : Decision.Accept([new ExternalIssueUnlinked(actor, now, system, key)]);
    }

    public static Decision RecordExternalUpdate(TicketState state, RecordExternalUpdate update, Actor actor, DateTimeOffset now, bool reopenWhenDone = true)
    {
        if (!state.Exists)
        {
            return NoSuchTicket;
        }

        if (ExternalUpdateRules.Check(update, state.ExternalLinks) is { } problem)
        {
            return problem;
        }

        // A redelivery changes nothing, even on a closed ticket; news on a closed ticket is refused like any edit.
        if (!ExternalUpdateRules.IsNews(update, ExternalUpdateRules.LinkOf(update, state.ExternalLinks)!, state.ExternalUpdateIds))
        {
            return Decision.Accept([]);
        }

        if (state.Status == TicketStatus.Closed)
        {
            return ClosedForChanges(state);
        }

        var waiting = state.Status is TicketStatus.Pending or TicketStatus.OnHold;
        return Decision.Accept([
            new ExternalIssueUpdated(
                actor,
                now,
                update.System,
                update.Key,
                TicketInput.Blank(update.Status),
                update.Resolved,
                TicketInput.Blank(update.Comment),
                TicketInput.Blank(update.Author),
                TicketInput.Blank(update.Url),
                TicketInput.Blank(update.Id)),
            .. reopenWhenDone && waiting && update.Resolved == true
                ? [new StatusChanged(actor, now, state.Status, TicketStatus.Open)]
                : Array.Empty<TicketEvent>(),
        ]);
    }
}
