using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

public static class TicketsApi
{
    public static IEndpointRouteBuilder MapTicketsApiV1(this IEndpointRouteBuilder routes)
    {
        var tickets = routes.MapGroup("/api/v1/tickets").RequireAuthorization(Policies.Tickets).WithTags("Tickets");
        tickets.MapPost("/", TicketWrites.CreateAsync).WithName("CreateTicket");
        tickets.MapGet("/", TicketReads.ListAsync).WithName("ListTickets");
        tickets.MapGet("/{number:long}", TicketReads.GetAsync).WithName("GetTicket");
        tickets.MapPatch("/{number:long}", TicketWrites.UpdateAsync).WithName("UpdateTicket");
        tickets.MapPost("/{number:long}/messages", TicketWrites.AddMessageAsync).WithName("AddMessage");
        tickets.MapGet("/{number:long}/messages", TicketReads.MessagesAsync).WithName("ListMessages");
        tickets.MapGet("/{number:long}/events", TicketReads.EventsAsync).WithName("ListTicketEvents");
        tickets.MapGet("/{number:long}/attachments/{id}", TicketReads.AttachmentAsync).WithName("GetTicketAttachment");

        // Anything else under a ticket path that is not a number names the field at fault instead of a bare 404.
        tickets.Map("/{number}/{**rest}", (string number) => long.TryParse(number, System.Globalization.CultureInfo.InvariantCulture, out _)
                ? ApiProblems.Field(StatusCodes.Status404NotFound, "path", "There is no such endpoint for a ticket.")
                : ApiProblems.Field(StatusCodes.Status404NotFound, "number", $"'{number}' is not a ticket number; numbers are whole numbers such as 1042."))
            .ExcludeFromDescription();
        return routes;
    }
}
