using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Commands;

/// <summary>
/// Turns a command and the ticket's current state into events, or refuses it. Pure: the grain
/// supplies the time and persists what comes out, so every rule here is tested without I/O.
/// </summary>
public sealed partial class TicketDecider(PriorityMatrix matrix)
{
    private static readonly Rejection NoSuchTicket = new(RejectionKind.NotFound, "number", "No such ticket.");

    public Decision Open(TicketState state, long number, OpenTicket command, Actor actor, DateTimeOffset now)
    {
        if (state.Exists)
        {
            return new Rejection(RejectionKind.Conflict, "number", $"Ticket #{number} already exists.");
        }

        var tagProblem = TicketInput.Tags("tags", command.Tags, out var tags);
        var ccProblem = TicketInput.Cc("cc", command.Cc, command.Requester.Email?.Trim() ?? "", out var cc);
        var problem = TicketInput.SingleLine("subject", command.Subject, TicketLimits.Subject)
            ?? TicketInput.Text("description", command.Description, TicketLimits.Body)
            ?? TicketInput.Requester(command.Requester)
            ?? TicketInput.Html("descriptionHtml", command.DescriptionHtml)
            ?? ccProblem
            ?? TicketInput.Attachments("attachments", command.Attachments)
            ?? TicketInput.SingleLine("queue", command.Queue, TicketLimits.AgentOrQueue, required: false)
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

        TicketEvent opened = new TicketOpened(
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
            TicketInput.Blank(command.ExternalId),
            TicketInput.Blank(command.DescriptionHtml),
            cc is [] ? null : cc,
            command.Attachments is null or [] ? null : command.Attachments);

        // A ticket opened straight into a queue (a mailbox's default) is there from its first version, as if moved.
        return TicketInput.Blank(command.Queue) is { } queue
            ? Decision.Accept([opened, new Assigned(actor, now, null, queue)])
            : Decision.Accept([opened]);
    }

    public static Decision AddMessage(TicketState state, AddMessage command, DateTimeOffset now)
    {
        if (!state.Exists)
        {
            return NoSuchTicket;
        }

        var ccProblem = TicketInput.Cc("cc", command.Cc, state.Requester?.Email ?? "", out var cc);
        var problem = TicketInput.Text("body", command.Body, TicketLimits.Body)
            ?? TicketInput.Author(command.Author)
            ?? TicketInput.SingleLine("messageId", command.MessageId, TicketLimits.MessageId, required: false)
            ?? TicketInput.Html("html", command.Html)
            ?? ccProblem
            ?? TicketInput.Attachments("attachments", command.Attachments);
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
            TicketEvent reply = new CustomerReplied(
                author, now, command.Body, command.Channel, TicketInput.Blank(command.MessageId), TicketInput.Blank(command.Html), cc is [] ? null : cc,
                command.Attachments is null or [] ? null : command.Attachments);
            return state.Status is TicketStatus.Pending or TicketStatus.Solved
                ? Decision.Accept([reply, new StatusChanged(author, now, state.Status, TicketStatus.Open)])
                : Decision.Accept([reply]);
        }

        TicketEvent answer = new AgentReplied(author, now, command.Body);
        return state.Status == TicketStatus.New
            ? Decision.Accept([answer, new StatusChanged(author, now, TicketStatus.New, TicketStatus.Open)])
            : Decision.Accept([answer]);
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
}
