using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

/// <summary>
/// Alerts on tickets. The alert's grain sends the alert as it should now look (<see cref="AlertView"/>); the ticket
/// records only what differs from what it has, so a repeated or late call changes nothing twice.
/// </summary>
public sealed partial class TicketDecider
{
    /// <summary>Opens the alert's ticket in its queue with the alert on it, or, when it is already open, records the alert.</summary>
    public Decision OpenForAlert(
        TicketState state, long number, OpenTicket command, string? queue, AlertView alert, AlertPolicy policy, Actor actor, DateTimeOffset now)
    {
        if (state.Exists)
        {
            return RecordAlert(state, alert, policy, actor, now);
        }

        var opened = Open(state, number, command, actor, now);
        if (opened.Rejection is not null)
        {
            return opened;
        }

        var events = new List<TicketEvent>(opened.Events);
        if (queue is not null && TicketInput.SingleLine("queue", queue, TicketLimits.AgentOrQueue) is null)
        {
            events.Add(new Assigned(actor, now, Assignee: null, queue.Trim()));
        }

        var after = new TicketState();
        events.ForEach(after.Apply);
        events.AddRange(RecordAlert(after, alert, policy, actor, now).Events);
        return Decision.Accept(events);
    }

    public static Decision RecordAlert(TicketState state, AlertView alert, AlertPolicy policy, Actor actor, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            return NoSuchTicket;
        }

        if (state.Status == TicketStatus.Closed)
        {
            return ClosedForChanges(state);
        }

        var known = state.Alerts.Find(a => a.Is(alert.Source, alert.DedupKey));
        var fired = known is null || alert.Occurrences > known.Occurrences;
        var events = new List<TicketEvent>();
        if (fired)
        {
            events.Add(new AlertOccurred(actor, now, alert.Source, alert.DedupKey, alert.Occurrences, alert.Severity, alert.Summary, alert.LastSeenAt));
        }

        if (alert.Status != (fired ? AlertStatus.Firing : known!.Status))
        {
            events.Add(new AlertStatusChanged(actor, now, alert.Source, alert.DedupKey, alert.Status));
        }

        var wasFlapping = known?.Flapping ?? false;
        if (alert.Flapping != wasFlapping)
        {
            events.Add(new AlertFlappingChanged(actor, now, alert.Source, alert.DedupKey, alert.Flapping, alert.RecentStateChanges));
            events.AddRange(FlappingTag(state, alert, actor, now));
            events.Add(new InternalNoteAdded(actor, now, alert.Flapping ? AlertText.FlappingStarted(alert, policy.FlapWindow) : AlertText.FlappingStopped(alert)));
        }

        // A flapping alert's changes are history, not news: no notes, no status churn until it settles.
        if (events.Count > 0 && !alert.Flapping)
        {
            events.AddRange(Consequences(state, known, alert, fired, events, policy, actor, now).ToList());
        }

        return Decision.Accept(events);
    }

    private static IEnumerable<TicketEvent> Consequences(
        TicketState state, TicketAlert? known, AlertView alert, bool fired, List<TicketEvent> recorded, AlertPolicy policy, Actor actor, DateTimeOffset now)
    {
        // An alert that settles while resolved left its ticket unsolved while it flapped: its resolution counts now.
        var settledResolved = known is { Flapping: true, Status: AlertStatus.Resolved } && !alert.Flapping;
        if (alert.Status == AlertStatus.Resolved && (known is { Status: not AlertStatus.Resolved } || settledResolved))
        {
            if (!settledResolved)
            {
                yield return new InternalNoteAdded(actor, now, AlertText.Resolved(alert));
            }

            var after = state.Copy();
            recorded.ForEach(after.Apply);
            if (policy.SolveOnResolve && after.Alerts.TrueForAll(a => a.Status == AlertStatus.Resolved)
                && state.Status != TicketStatus.Solved && TicketStatusRules.CanMove(state.Status, TicketStatus.Solved))
            {
                yield return new StatusChanged(actor, now, state.Status, TicketStatus.Solved);
            }
        }
        else if (alert.Status == AlertStatus.Firing && fired && (known?.Status == AlertStatus.Resolved || state.Status == TicketStatus.Solved))
        {
            yield return new InternalNoteAdded(actor, now, AlertText.FiringAgain(alert));
            if (state.Status == TicketStatus.Solved)
            {
                yield return new StatusChanged(actor, now, TicketStatus.Solved, TicketStatus.Open);
            }
        }
        else if (alert.Status == AlertStatus.Acknowledged && known is { Status: not AlertStatus.Acknowledged })
        {
            yield return new InternalNoteAdded(actor, now, AlertText.Acknowledged(alert));
        }
    }

    private static IEnumerable<TicketEvent> FlappingTag(TicketState state, AlertView alert, Actor actor, DateTimeOffset now)
    {
        var othersFlapping = state.Alerts.Exists(a => a.Flapping && !a.Is(alert.Source, alert.DedupKey));
        if (alert.Flapping && !state.Tags.Contains(AlertTickets.FlappingTag))
        {
            yield return new TagsChanged(actor, now, [AlertTickets.FlappingTag], []);
        }
        else if (!alert.Flapping && !othersFlapping && state.Tags.Contains(AlertTickets.FlappingTag))
        {
            yield return new TagsChanged(actor, now, [], [AlertTickets.FlappingTag]);
        }
    }
}
