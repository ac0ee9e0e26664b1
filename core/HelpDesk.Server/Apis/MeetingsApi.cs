using HelpDesk.Core.Meetings;
using HelpDesk.Core.Queries;
using HelpDesk.Server.Contracts;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

/// <summary>
/// Video meetings from a ticket. Scheduling asks the meeting provider while the agent waits (they want the link now),
/// bounded by the plugin's call timeout; a provider that fails is a 502 or, when it is only unavailable for now, a 503.
/// The host's start link is in the agent's answer and ticket; customers only ever see the join link.
/// </summary>
public static class MeetingsApi
{
    public static IEndpointRouteBuilder MapMeetingsApiV1(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/tickets/{number:long}/meetings", ScheduleAsync)
            .RequireAuthorization(Policies.Tickets).WithTags("Tickets").WithName("ScheduleMeeting");
        routes.MapGet("/api/v1/tickets/{number:long}/meetings", ListAsync)
            .RequireAuthorization(Policies.Tickets).WithTags("Tickets").WithName("ListMeetings");
        return routes;
    }

    private static async Task<IResult> ScheduleAsync(long number, HttpContext http, MeetingScheduler scheduler, TicketQueries queries, CancellationToken cancellationToken)
    {
        var (caller, request, problem) = await StaffRequests.ReadAsync<MeetingRequest>(http, "A key bound to a customer cannot schedule meetings.", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!await caller.MayActOnAsync(number, queries, cancellationToken))
        {
            return ApiProblems.NotFound(number);
        }

        if (RequestKeys.From(http, caller) is not { } key)
        {
            return ApiProblems.BadRequest("Idempotency-Key", RequestKeys.Problem);
        }

        var order = new MeetingOrder(
            request!.Topic, request.StartAt, request.Duration, request.Provider, request.TimeZone, request.ShareWithCustomer ?? true, request.Message);
        var outcome = await scheduler.ScheduleAsync(number, order, key, caller.Actor, cancellationToken);
        if (outcome.Rejection is { } rejection)
        {
            return ApiProblems.From(rejection);
        }

        if (outcome.Failure is { } failure)
        {
            return failure.IsTransient
                ? ApiProblems.Field(StatusCodes.Status503ServiceUnavailable, "provider", $"{failure.Message} Try again shortly.")
                : ApiProblems.Field(StatusCodes.Status502BadGateway, "provider", failure.Message);
        }

        return Results.Json(new { ticket = number, meeting = outcome.Meeting }, ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> ListAsync(long number, HttpContext http, TicketQueries queries, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        if (await queries.GetAsync(number, cancellationToken) is not { } ticket || !caller.MaySee(ticket))
        {
            return ApiProblems.NotFound(number);
        }

        var meetings = caller.IsCustomer ? ticket.Meetings.Select(m => m.ForCustomer()).ToList() : ticket.Meetings;
        return Results.Json(new ItemsResponse<Domain.Meetings.TicketMeeting>(meetings), ApiJson.Options);
    }
}
