using HelpDesk.Core.Customers;
using HelpDesk.Core.Queries;
using HelpDesk.Domain.Commands;
using HelpDesk.Server.Contracts;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

/// <summary>
/// Customer 360 for agents: <c>GET /api/v1/tickets/{n}/context</c> (the context the ticket recorded) and
/// <c>GET /api/v1/customers/{email}/context</c> (the cached one, looked up when missing or expired). With
/// <c>?refresh=true</c> both ask the providers now; the ticket then records what they said. Customer keys see none of it.
/// </summary>
public static class CustomerContextApi
{
    public static IEndpointRouteBuilder MapCustomerContextApiV1(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/tickets/{number:long}/context", TicketContextAsync)
            .RequireAuthorization(Policies.Tickets).WithTags("Tickets").WithName("GetTicketCustomerContext");
        routes.MapGet("/api/v1/customers/{email}/context", CustomerContextAsync)
            .RequireAuthorization(Policies.Tickets).WithTags("Customers").WithName("GetCustomerContext");
        return routes;
    }

    private static async Task<IResult> TicketContextAsync(
        long number, HttpContext http, TicketQueries queries, CustomerContextEnricher enricher, CustomerContexts contexts, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (StaffRequests.HiddenFromCustomers(http, "customer context") is { } hidden)
        {
            return hidden;
        }

        if (ReadRefresh(http) is not { } refresh)
        {
            return ApiProblems.BadRequest("refresh", "refresh is true or false.");
        }

        var caller = Caller.From(http.User);
        if (await queries.GetAsync(number, cancellationToken) is not { } ticket || !caller.MaySee(ticket))
        {
            return ApiProblems.NotFound(number);
        }

        if (refresh)
        {
            await enricher.RecordAsync(number, ticket.Requester!.Email, refresh: true, cancellationToken);
            ticket = await queries.GetAsync(number, cancellationToken) ?? ticket;
        }

        return Results.Json(
            ticket.Customer is { } context ? CustomerContextResponse.From(context, time.GetUtcNow())
                : CustomerContextResponse.NotYet(ticket.Requester!.Email, pending: contexts.AnyProviderRuns),
            ApiJson.Options);
    }

    private static async Task<IResult> CustomerContextAsync(string email, HttpContext http, CustomerContexts contexts, TimeProvider time, CancellationToken cancellationToken)
    {
        if (StaffRequests.HiddenFromCustomers(http, "customer context") is { } hidden)
        {
            return hidden;
        }

        if (TicketInput.Email("email", email) is { } invalid)
        {
            return ApiProblems.From(invalid);
        }

        if (ReadRefresh(http) is not { } refresh)
        {
            return ApiProblems.BadRequest("refresh", "refresh is true or false.");
        }

        var context = await contexts.GetAsync(email, refresh, cancellationToken);
        return Results.Json(CustomerContextResponse.From(context, time.GetUtcNow()), ApiJson.Options);
    }

    private static bool? ReadRefresh(HttpContext http) =>
        http.Request.Query["refresh"].ToString().ToLowerInvariant() switch
        {
            "" or "false" => false,
            "true" => true,
            _ => null,
        };
}
