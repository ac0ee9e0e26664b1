using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

/// <summary>
/// Turns a command and the ticket's current state into events, or refuses it. Pure: the grain
/// supplies the time and persists what comes out, so every rule here is tested without I/O.
/// </summary>
public sealed class TicketDecider(PriorityMatrix matrix)
{
    private static readonly Rejection NoSuchTicket = new(RejectionKind.NotFound, "number", "No such ticket.");

    public Decision Open(TicketState state, long number, OpenTicket command, Actor actor, DateTimeOffset now)
    {
        if (state.Exists)
        {
            return new Rejection(RejectionKind.Conflict, "number", $"Ticket #{number} already exists.");
        }

        var tagProblem = TicketInput.Tags("tags", command.Tags, out var tags);
        var problem = TicketInput.SingleLine("subject", command.Subject, TicketLimits.Subject)
            ?? TicketInput.Text("description", command.Description, TicketLimits.Body)
            ?? TicketInput.Requester(command.Requester)
            ?? TicketInput.SingleLine("category", command.Category, TicketLimits.Category, required: false)
            ?? TicketInput.SingleLine("externalId", command.ExternalId, TicketLimits.ExternalId, required: false)
            ?? tagProblem
            ?? TicketInput.Fields(command.Fields?.ToDictionary(p => p.Key, p => (string?)p.Value))
            ?? TicketInput.NoNullFields(command.Fields);
        if (problem is not null)
        {
            return problem;
        }

        if (ResolvePriority(command.Priority, command.Impact, command.Urgency, Priority.Normal) is not { } priority)
        {
            return Rejection.Invalid("priority", "Give either a priority or both impact and urgency, not both.");
        }

        return Decision.Accept([new TicketOpened(
            actor,
            now,
            number,
            command.Subject.Trim(),
            command.Description,
            TicketInput.Normalise(command.Requester),
            command.Channel,
            command.Type,
            TicketInput.Blank(command.Category),
            priority,
            command.Priority is null ? command.Impact : null,
            command.Priority is null ? command.Urgency : null,
            tags,
            command.Fields ?? new Dictionary<string, string>(),
            TicketInput.Blank(command.ExternalId))]);
    }

    public static Decision AddMessage(TicketState state, AddMessage command, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            return NoSuchTicket;
        }

        var problem = TicketInput.Text("body", command.Body, TicketLimits.Body)
            ?? TicketInput.Author(command.Author)
            ?? TicketInput.SingleLine("messageId", command.MessageId, TicketLimits.MessageId, required: false);
        if (problem is not null)
        {
            return problem;
        }

        if (TicketInput.Blank(command.MessageId) is { } messageId && (state.MessageIds.Contains(messageId) || state.ExternalId == messageId))
        {
            return Decision.Accept([]);
        }

        if (state.Status == TicketStatus.Closed)
        {
            return new Rejection(RejectionKind.Conflict, "status", $"Ticket #{state.Number} is closed; open a follow-up ticket instead.");
        }

        var author = command.Author;
        var isCustomer = author.Kind == ActorKind.Customer;
        if (command.Visibility == MessageVisibility.Internal)
        {
            return isCustomer
                ? Rejection.Invalid("visibility", "Customers cannot add internal notes.")
                : Decision.Accept([new InternalNoteAdded(author, now, command.Body)]);
        }

        if (isCustomer)
        {
            // A customer's answer puts a pending or solved ticket back in the agents' hands, as in Zendesk;
            // on-hold stays on hold because the ticket waits on a third party, not on the customer.
            TicketEvent reply = new CustomerReplied(author, now, command.Body, command.Channel, TicketInput.Blank(command.MessageId));
            return state.Status is TicketStatus.Pending or TicketStatus.Solved
                ? Decision.Accept([reply, new StatusChanged(author, now, state.Status, TicketStatus.Open)])
                : Decision.Accept([reply]);
        }

        TicketEvent answer = new AgentReplied(author, now, command.Body);
        return state.Status == TicketStatus.New
            ? Decision.Accept([answer, new StatusChanged(author, now, TicketStatus.New, TicketStatus.Open)])
            : Decision.Accept([answer]);
    }

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

    public static Decision RecordExternalUpdate(TicketState state, RecordExternalUpdate update, Actor actor, DateTimeOffset now)
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
        if (!ExternalUpdateRules.IsNews(update, ExternalUpdateRules.LinkOf(update, state.ExternalLinks)!))
        {
            return Decision.Accept([]);
        }

        return state.Status == TicketStatus.Closed
            ? ClosedForChanges(state)
            : Decision.Accept([new ExternalIssueUpdated(
                actor,
                now,
                update.System,
                update.Key,
                TicketInput.Blank(update.Status),
                update.Resolved,
                TicketInput.Blank(update.Comment),
                TicketInput.Blank(update.Author),
                TicketInput.Blank(update.Url))]);
    }

    private static Rejection ClosedForChanges(TicketState state) =>
        new(RejectionKind.Conflict, "status", $"Ticket #{state.Number} is closed and can no longer change.");

    private Priority? ResolvePriority(Priority? priority, Impact? impact, Urgency? urgency, Priority fallback) =>
        (priority, impact, urgency) switch
        {
            ({ } chosen, null, null) => chosen,
            (null, { } i, { } u) => matrix.For(i, u),
            (null, null, null) => fallback,
            _ => null,
        };

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
            events.Add(new Assigned(actor, now, assignee, queue));
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
