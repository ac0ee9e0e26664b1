using HelpDesk.Core.Alerts;
using HelpDesk.Core.Queries;
using HelpDesk.Domain.Alerts;
using HelpDesk.Server.Contracts;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

public static class AlertsApi
{
    /// <summary>How many alerts one ticket lists; a storm incident may hold more, most recently seen first.</summary>
    public const int TicketAlertLimit = 1_000;

    public static IEndpointRouteBuilder MapAlertsApiV1(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/alerts", ReportAsync).RequireAuthorization(Policies.Tickets).WithTags("Alerts").WithName("ReportAlert");
        routes.MapGet("/api/v1/tickets/{number:long}/alerts", ForTicketAsync).RequireAuthorization(Policies.Tickets).WithTags("Tickets").WithName("ListTicketAlerts");
        return routes;
    }

    private static async Task<IResult> ReportAsync(HttpContext http, AlertCommands alerts, CancellationToken cancellationToken)
    {
        var (caller, request, problem) = await StaffRequests.ReadAsync<ReportAlertRequest>(http, "A key bound to a customer cannot report monitoring alerts.", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (request!.Status is not { } status)
        {
            return ApiProblems.Field(StatusCodes.Status422UnprocessableEntity, "status", "status is required: firing, acknowledged or resolved.");
        }

        var report = new ReportAlert(
            request.Source ?? "",
            request.DedupKey ?? "",
            status,
            request.Summary ?? "",
            request.Severity ?? AlertSeverity.Warning,
            request.Details,
            request.Labels ?? new Dictionary<string, string>(),
            [.. (request.Links ?? []).Select(l => new AlertLink(l.Url ?? "", l.Text))],
            request.OccurredAt,
            request.OccurrenceId,
            request.Group);
        var result = await alerts.ReportAsync(report, caller.Actor);
        return result.Rejection is { } rejection
            ? ApiProblems.From(rejection)
            : Results.Json(new AlertReportResponse(result.Outcome, result.Ticket, result.Occurrences), ApiJson.Options,
                statusCode: result.Outcome == AlertOutcome.Opened ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> ForTicketAsync(long number, HttpContext http, TicketQueries queries, AlertStore store, CancellationToken cancellationToken)
    {
        if (await queries.GetAsync(number, cancellationToken) is not { } ticket || !Caller.From(http.User).MaySee(ticket))
        {
            return ApiProblems.NotFound(number);
        }

        var alerts = await store.ForTicketAsync(number, TicketAlertLimit, cancellationToken);
        return Results.Json(new ItemsResponse<AlertResponse>([.. alerts.Select(AlertResponse.From)]), ApiJson.Options);
    }
}
