using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

/// <summary>Updates: status, priority, assignment, tags and fields, each decided by its own rule.</summary>
public sealed partial class TicketDecider
{
    public Decision Update(TicketState state, UpdateTicket command, Actor actor, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            return NoSuchTicket;
        }

        var events = new List<TicketEvent>();
        var problem = DecideStatus(state, command.Status, actor, now, events)
            ?? DecidePriority(state, command, actor, now, events)
            ?? DecideAssignment(state, command, actor, now, events)
            ?? DecideTags(state, command, actor, now, events)
            ?? DecideFields(state, command.Fields, actor, now, events);
        if (problem is not null)
        {
            return problem;
        }

        // A closed ticket is a record: any edit other than the closing itself is refused.
        if (state.Status == TicketStatus.Closed && events.Count > 0)
        {
            return ClosedForChanges(state);
        }

        return Decision.Accept(events);
    }

    private static Rejection? DecideStatus(TicketState state, TicketStatus? to, Actor actor, DateTimeOffset now, List<TicketEvent> events)
    {
        if (to is not { } target || target == state.Status)
        {
            return null;
        }

        if (TicketStatusRules.CheckMove(state.Status, target) is { } illegal)
        {
            return illegal;
        }

        events.Add(new StatusChanged(actor, now, state.Status, target));
        return null;
    }

    private Rejection? DecidePriority(TicketState state, UpdateTicket command, Actor actor, DateTimeOffset now, List<TicketEvent> events)
    {
        if (command.Priority is null && command.Impact is null && command.Urgency is null)
        {
            return null;
        }

        // One of impact/urgency alone moves that axis and keeps the ticket's other one.
        var impact = command.Impact ?? (command.Urgency is null ? null : state.Impact ?? Impact.Medium);
        var urgency = command.Urgency ?? (command.Impact is null ? null : state.Urgency ?? Urgency.Medium);
        if (ResolvePriority(command.Priority, impact, urgency, state.Priority) is not { } priority)
        {
            return Rejection.Invalid("priority", "Give either a priority or impact/urgency, not both.");
        }

        if (priority != state.Priority || impact != state.Impact || urgency != state.Urgency)
        {
            events.Add(new PriorityChanged(actor, now, state.Priority, priority, impact, urgency));
        }

        return null;
    }

    private static Rejection? DecideAssignment(TicketState state, UpdateTicket command, Actor actor, DateTimeOffset now, List<TicketEvent> events)
    {
        var assignee = command.Assignee is { } a ? TicketInput.Blank(a.Value) : state.Assignee;
        var queue = command.Queue is { } q ? TicketInput.Blank(q.Value) : state.Queue;
        var problem = TicketInput.SingleLine("assignee", assignee, TicketLimits.AgentOrQueue, required: false)
            ?? TicketInput.SingleLine("queue", queue, TicketLimits.AgentOrQueue, required: false);
        if (problem is null && (assignee != state.Assignee || queue != state.Queue))
        {
            events.Add(new Assigned(actor, now, assignee, queue) { Reason = command.Reason });
        }

        return problem;
    }

    private static Rejection? DecideTags(TicketState state, UpdateTicket command, Actor actor, DateTimeOffset now, List<TicketEvent> events)
    {
        if (command.Tags is not null && (command.AddTags is not null || command.RemoveTags is not null))
        {
            return Rejection.Invalid("tags", "Replace the tags or add/remove some, not both.");
        }

        var problem = new[]
        {
            TicketInput.Tags("tags", command.Tags, out var replacement),
            TicketInput.Tags("addTags", command.AddTags, out var added),
            TicketInput.Tags("removeTags", command.RemoveTags, out var removed),
        }.FirstOrDefault(p => p is not null);
        if (problem is not null)
        {
            return problem;
        }

        var target = command.Tags is null ? new SortedSet<string>(state.Tags.Except(removed).Union(added), StringComparer.Ordinal) : [.. replacement];
        if (target.Count > TicketLimits.Tags)
        {
            return Rejection.Invalid(command.Tags is null ? "addTags" : "tags", $"A ticket has at most {TicketLimits.Tags} tags.");
        }

        var toAdd = target.Except(state.Tags).ToList();
        var toRemove = state.Tags.Except(target).ToList();
        if (toAdd.Count + toRemove.Count > 0)
        {
            events.Add(new TagsChanged(actor, now, toAdd, toRemove));
        }

        return null;
    }

    private static Rejection? DecideFields(TicketState state, IReadOnlyDictionary<string, string?>? fields, Actor actor, DateTimeOffset now, List<TicketEvent> events)
    {
        if (fields is null)
        {
            return null;
        }

        if (TicketInput.Fields(fields) is { } problem)
        {
            return problem;
        }

        var set = fields.Where(p => p.Value is not null && (!state.Fields.TryGetValue(p.Key, out var old) || old != p.Value))
            .ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
        var removed = fields.Where(p => p.Value is null && state.Fields.ContainsKey(p.Key)).Select(p => p.Key).ToList();
        if (state.Fields.Keys.Union(set.Keys).Except(removed).Count() > TicketLimits.Fields)
        {
            return Rejection.Invalid("fields", $"A ticket has at most {TicketLimits.Fields} custom fields.");
        }

        if (set.Count + removed.Count > 0)
        {
            events.Add(new FieldsChanged(actor, now, set, removed));
        }

        return null;
    }
}
