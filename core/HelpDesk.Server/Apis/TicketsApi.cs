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
        return routes;
    }
}
