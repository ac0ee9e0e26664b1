using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;
using HelpDesk.Server.Contracts;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

/// <summary>Turns request bodies into domain commands; value rules themselves live in the domain.</summary>
public static class TicketRequests
{
    public static OpenTicket ToCommand(CreateTicketRequest request, RequesterBody requester) => new(
        request.Subject ?? "",
        request.Description ?? "",
        new Requester(requester.Email ?? "", requester.Name, requester.Language, requester.TimeZone, requester.Organization),
        request.Channel ?? Channel.Api,
        request.Type ?? TicketType.Question,
        request.Category,
        request.Priority,
        request.Impact,
        request.Urgency,
        request.Tags,
        request.Fields,
        request.ExternalId);

    public static UpdateTicket ToCommand(UpdateTicketRequest request) => new()
    {
        Status = request.Status,
        Priority = request.Priority,
        Impact = request.Impact,
        Urgency = request.Urgency,
        Assignee = request.AssigneeGiven ? new Change<string?>(request.Assignee) : null,
        Queue = request.QueueGiven ? new Change<string?>(request.Queue) : null,
        Tags = request.Tags,
        AddTags = request.AddTags,
        RemoveTags = request.RemoveTags,
        Fields = request.Fields,
    };

    /// <summary>
    /// The author of a message: a customer-bound key always writes as its customer; otherwise the body's author,
    /// who is the customer when so marked or when their id is the requester's email, else an agent.
    /// </summary>
    public static Actor Author(AuthorBody? author, Caller caller, TicketState ticket)
    {
        if (caller.IsCustomer || author?.Id is not { Length: > 0 } id)
        {
            return caller.Actor;
        }

        var isCustomer = author.Role == "customer"
            || (author.Role is null && string.Equals(id, ticket.Requester?.Email, StringComparison.OrdinalIgnoreCase));
        return new Actor(isCustomer ? ActorKind.Customer : ActorKind.Agent, isCustomer ? id.ToLowerInvariant() : id, author.Name);
    }
}
