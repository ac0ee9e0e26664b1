using HelpDesk.Core.Sla;
using HelpDesk.Domain.Sla;
using HelpDesk.Server.Contracts;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

/// <summary>
/// <c>/api/v1/calendars</c> and <c>/api/v1/sla-policies</c>: admins define business calendars and SLA policies (PUT is
/// create-or-replace; a bad one is refused with 400 naming the part at fault), the support team reads them. A saved
/// policy applies to tickets as they next change.
/// </summary>
public static class SlaApi
{
    public static IEndpointRouteBuilder MapSlaApiV1(this IEndpointRouteBuilder routes)
    {
        var calendars = routes.MapGroup("/api/v1/calendars").WithTags("SLA");
        calendars.MapGet("/", async (HttpContext http, SlaStore store, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "the support team's SLA settings") ?? Results.Json(new ItemsResponse<BusinessCalendar>(await store.ListCalendarsAsync(ct)), ApiJson.Options)).RequireAuthorization(Policies.Tickets).WithName("ListCalendars");
        calendars.MapGet("/{id}", async (string id, HttpContext http, SlaStore store, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "the support team's SLA settings") ?? (await store.GetCalendarAsync(id, ct) is { } c ? Results.Json(c, ApiJson.Options) : ApiProblems.NoSuch("calendar", id))).RequireAuthorization(Policies.Tickets).WithName("GetCalendar");
        calendars.MapPut("/{id}", SaveCalendarAsync).RequireAuthorization(Policies.Admin).WithName("SaveCalendar");
        calendars.MapDelete("/{id}", DeleteCalendarAsync).RequireAuthorization(Policies.Admin).WithName("DeleteCalendar");

        var policies = routes.MapGroup("/api/v1/sla-policies").WithTags("SLA");
        policies.MapGet("/", async (HttpContext http, SlaStore store, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "the support team's SLA settings") ?? Results.Json(new ItemsResponse<SlaPolicy>(await store.ListPoliciesAsync(ct)), ApiJson.Options)).RequireAuthorization(Policies.Tickets).WithName("ListSlaPolicies");
        policies.MapGet("/{id}", async (string id, HttpContext http, SlaStore store, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "the support team's SLA settings") ?? (await store.GetPolicyAsync(id, ct) is { } p ? Results.Json(p, ApiJson.Options) : ApiProblems.NoSuch("SLA policy", id))).RequireAuthorization(Policies.Tickets).WithName("GetSlaPolicy");
        policies.MapPut("/{id}", SavePolicyAsync).RequireAuthorization(Policies.Admin).WithName("SaveSlaPolicy");
        policies.MapDelete("/{id}", async (string id, SlaStore store, CancellationToken ct) =>
            await store.DeletePolicyAsync(id, ct) ? Results.NoContent() : ApiProblems.NoSuch("SLA policy", id)).RequireAuthorization(Policies.Admin).WithName("DeleteSlaPolicy");
        return routes;
    }

    private static async Task<IResult> SaveCalendarAsync(string id, HttpContext http, SlaStore store, CancellationToken cancellationToken)
    {
        var (body, _, problem) = await JsonBody.ReadAsync<CalendarRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var calendar = body!.ToCalendar(id);
        if (CalendarCheck.Check(calendar) is { } rejection)
        {
            return ApiProblems.BadRequest(rejection.Field, rejection.Message);
        }

        var created = await store.SaveCalendarAsync(calendar, cancellationToken);
        return Results.Json(calendar, ApiJson.Options, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> DeleteCalendarAsync(string id, SlaStore store, CancellationToken cancellationToken)
    {
        if ((await store.ListPoliciesAsync(cancellationToken)).FirstOrDefault(p => p.Targets.Any(t => t.CalendarId == id)) is { } user)
        {
            return ApiProblems.Field(StatusCodes.Status409Conflict, "id", $"SLA policy '{user.Id}' measures on this calendar; change it first.");
        }

        return await store.DeleteCalendarAsync(id, cancellationToken) ? Results.NoContent() : ApiProblems.NoSuch("calendar", id);
    }

    private static async Task<IResult> SavePolicyAsync(string id, HttpContext http, SlaStore store, CancellationToken cancellationToken)
    {
        var (body, _, problem) = await JsonBody.ReadAsync<SlaPolicyRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var existing = await store.GetPolicyAsync(id, cancellationToken);
        var position = body!.Position ?? existing?.Position ?? (await store.ListPoliciesAsync(cancellationToken)).Select(p => p.Position).DefaultIfEmpty(0).Max() + 10;
        var policy = body.ToPolicy(id, position);
        var calendars = (await store.ListCalendarsAsync(cancellationToken)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (policy.Conditions.Any(c => c is null) || policy.Targets.Any(t => t is null))
        {
            return ApiProblems.BadRequest("conditions", "Conditions and targets are objects, not null.");
        }

        if (policy.Check(calendars.Contains) is { } rejection)
        {
            return ApiProblems.BadRequest(rejection.Field, rejection.Message);
        }

        var (created, saved) = await store.SavePolicyAsync(policy, cancellationToken);
        return Results.Json(saved, ApiJson.Options, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }


}
