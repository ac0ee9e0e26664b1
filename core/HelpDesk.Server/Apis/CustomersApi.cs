using HelpDesk.Core.Customers;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Rules;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

/// <summary>
/// <c>/api/v1/customers/{email}</c>: a requester's segment and region as the support team sets them, which rules and SLA
/// policies test as <c>customer.segment</c> and <c>customer.region</c> ahead of what a CRM connector says.
/// </summary>
public static class CustomersApi
{
    /// <param name="Notify">False stops automatic notifications to this customer; replies still reach them.</param>
    public sealed record CustomerRequest(string? Segment, string? Region, bool? Notify);

    /// <summary>What the support team recorded; what the CRM and ERP say is at <c>/api/v1/customers/{email}/context</c>.</summary>
    public sealed record CustomerResponse(string Email, string? Segment, string? Region, bool Notify)
    {
        public static CustomerResponse From(CustomerContext customer) => new(customer.Email, customer.Segment, customer.Region, customer.Notify);
    }

    public static IEndpointRouteBuilder MapCustomersApiV1(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/customers").WithTags("Customers").RequireAuthorization(Policies.Tickets);
        group.MapGet("/{email}", async (string email, HttpContext http, CustomerStore store, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "customer records")
                ?? (await store.GetAsync(email, ct) is { } customer ? Results.Json(CustomerResponse.From(customer), ApiJson.Options)
                : ApiProblems.Field(StatusCodes.Status404NotFound, "email", $"Nothing is recorded about {email}.")))
            .WithName("GetCustomer");
        group.MapPut("/{email}", SaveAsync).WithName("SaveCustomer");
        return routes;
    }

    private static async Task<IResult> SaveAsync(string email, HttpContext http, CustomerStore store, CancellationToken cancellationToken)
    {
        var (_, body, problem) = await StaffRequests.ReadAsync<CustomerRequest>(http, "Customer keys cannot set customers' segments.", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var invalid = TicketInput.Email("email", email)
            ?? TicketInput.SingleLine("segment", body!.Segment, 64, required: false)
            ?? TicketInput.SingleLine("region", body.Region, 64, required: false);
        if (invalid is not null)
        {
            return ApiProblems.From(invalid);
        }

        var customer = new CustomerContext(email.Trim().ToLowerInvariant(), TicketInput.Blank(body!.Segment), TicketInput.Blank(body.Region)) { Notify = body.Notify ?? true };
        await store.SaveAsync(customer, cancellationToken);
        return Results.Json(CustomerResponse.From(customer), ApiJson.Options);
    }

}
