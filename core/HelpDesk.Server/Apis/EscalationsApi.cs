using HelpDesk.Core.Queries;
using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Escalations;
using HelpDesk.Server.Contracts;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

/// <summary>
/// Escalation to engineering's tracker. The request is recorded on the ticket and answered 202; the escalation worker
/// creates the issue from the event feed, so a slow or failing tracker never fails the agent's request.
/// </summary>
public static class EscalationsApi
{
    public static IEndpointRouteBuilder MapEscalationsApiV1(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/tickets/{number:long}/escalations", EscalateAsync)
            .RequireAuthorization(Policies.Tickets).WithTags("Tickets").WithName("EscalateTicket");
        routes.MapDelete("/api/v1/tickets/{number:long}/links/{system}/{**key}", UnlinkAsync)
            .RequireAuthorization(Policies.Tickets).WithTags("Tickets").WithName("UnlinkExternalIssue");
        routes.MapPost("/api/v1/tickets/{number:long}/escalations/{escalationId}/notes", AddNoteAsync)
            .RequireAuthorization(Policies.Tickets).WithTags("Tickets").WithName("AddEscalationNote");
        return routes;
    }

    /// <summary>Unlinks an issue (a wrong link, or one engineering closed as unrelated); its webhooks stop reaching the ticket.</summary>
    private static async Task<IResult> UnlinkAsync(long number, string system, string key, HttpContext http, TicketCommands commands, TicketQueries queries, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (caller.IsCustomer)
        {
            return ApiProblems.Field(StatusCodes.Status403Forbidden, "scope", "A key bound to a customer cannot change a ticket's links.");
        }

        if (!await caller.MayActOnAsync(number, queries, cancellationToken))
        {
            return ApiProblems.NotFound(number);
        }

        var result = await commands.UnlinkExternalIssueAsync(number, system, key, caller.Actor);
        return result.Rejection is { } rejection ? ApiProblems.From(rejection) : Results.Json(TicketResponse.From(result.Ticket!, forCustomer: false), ApiJson.Options);
    }

    /// <summary>A note for engineering, added as a comment on the escalation's issue (from the event feed, retried until it is there).</summary>
    private static async Task<IResult> AddNoteAsync(long number, string escalationId, HttpContext http, TicketCommands commands, TicketQueries queries, CancellationToken cancellationToken)
    {
        var (caller, request, problem) = await StaffRequests.ReadAsync<EscalationNoteRequest>(http, "A key bound to a customer cannot write to engineering.", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!await caller.MayActOnAsync(number, queries, cancellationToken))
        {
            return ApiProblems.NotFound(number);
        }

        if (RequestKeys.From(http, caller) is not { } id)
        {
            return ApiProblems.BadRequest("Idempotency-Key", RequestKeys.Problem);
        }

        var result = await commands.CommentOnEscalationAsync(number, escalationId, id, request!.Body ?? "", caller.Actor);
        return result.Rejection is { } rejection
            ? ApiProblems.From(rejection)
            : Results.Json(new { ticket = number, escalation = result.Ticket!.Escalations.Find(e => e.Id == escalationId), note = id }, ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> EscalateAsync(long number, HttpContext http, TicketCommands commands, TicketQueries queries, CancellationToken cancellationToken)
    {
        var (caller, request, problem) = await StaffRequests.ReadAsync<EscalateRequest>(http, "A key bound to a customer cannot escalate tickets.", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!await caller.MayActOnAsync(number, queries, cancellationToken))
        {
            return ApiProblems.NotFound(number);
        }

        if (RequestKeys.From(http, caller) is not { } id)
        {
            return ApiProblems.BadRequest("Idempotency-Key", RequestKeys.Problem);
        }

        var command = new EscalateTicket(id, request!.Target ?? "", request.Project, request.IssueType, request.Summary, request.Note, request.Link);
        var result = await commands.EscalateAsync(number, command, caller.Actor);
        if (result.Rejection is { } rejection)
        {
            return ApiProblems.From(rejection);
        }

        // Ours, or the one already in flight for this target (a doubled click), which this request joins.
        var escalation = result.Ticket!.Escalations.Find(e => e.Id == id)
            ?? result.Ticket.Escalations.FindLast(e => e.Target == command.Target.Trim() && e.InFlight)
            ?? result.Ticket.Escalations.FindLast(e => e.Target == command.Target.Trim());
        return Results.Json(new { ticket = number, escalation }, ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }
}
