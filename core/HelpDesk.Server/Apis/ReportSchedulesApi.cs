using HelpDesk.Core.Reports;
using HelpDesk.Domain.Settings;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

/// <summary>
/// Scheduled reports (<c>/api/v1/report-schedules</c>, admins edit, the support team reads) and their archive
/// (<c>/api/v1/report-runs</c>): each run's HTML per language, its CSV, its charts, and how its mail to each recipient went.
/// </summary>
public static class ReportSchedulesApi
{
    /// <param name="Period">previous-day, previous-week (default) or previous-month.</param>
    /// <param name="Filters">Only tickets matching these count, in every KPI: attribute (<c>queue</c>, <c>channel</c>…) → accepted values.</param>
    public sealed record ReportScheduleRequest(
        string? Name, List<ReportScheduleKpi>? Kpis, string? Cron, string? TimeZone, List<ReportRecipient>? Recipients, string? Period, bool? Enabled,
        Dictionary<string, List<string>>? Filters = null);

    public static IEndpointRouteBuilder MapReportSchedulesApiV1(this IEndpointRouteBuilder routes)
    {
        var schedules = routes.MapGroup("/api/v1/report-schedules").WithTags("Reports");
        schedules.MapGet("/", async (HttpContext http, ReportSchedules store, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "report schedules") ?? Results.Json(new { items = await store.ListAsync(ct) }, ApiJson.Options))
            .RequireAuthorization(Policies.Tickets).WithName("ListReportSchedules");
        schedules.MapGet("/{id}", async (string id, HttpContext http, ReportSchedules store, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "report schedules")
                ?? (await store.GetAsync(id, ct) is { } schedule ? Results.Json(schedule, ApiJson.Options) : ApiProblems.NoSuch("report schedule", id)))
            .RequireAuthorization(Policies.Tickets).WithName("GetReportSchedule");
        schedules.MapPut("/{id}", SaveAsync).RequireAuthorization(Policies.Admin).WithName("SaveReportSchedule");
        schedules.MapDelete("/{id}", async (string id, ReportSchedules store, ReportScheduling scheduling, CancellationToken ct) =>
        {
            if (!await store.DeleteAsync(id, ct))
            {
                return ApiProblems.NoSuch("report schedule", id);
            }

            await scheduling.RemoveAsync(id, ct);
            return Results.NoContent();
        }).RequireAuthorization(Policies.Admin).WithName("DeleteReportSchedule");
        schedules.MapPost("/{id}/runs", async (string id, ReportSchedules store, ReportRunner runner, TimeProvider time, CancellationToken ct) =>
            await store.GetAsync(id, ct) is not { } schedule ? ApiProblems.NoSuch("report schedule", id)
            : await runner.RunAsync(schedule.Id, time.GetUtcNow(), ct) is { } run ? Results.Json(new { id = run, url = $"/api/v1/report-runs/{run}" }, ApiJson.Options, statusCode: StatusCodes.Status201Created)
            : ApiProblems.Field(StatusCodes.Status409Conflict, "id", "The schedule is disabled, or a run for this second exists already."))
            .RequireAuthorization(Policies.Admin).WithName("RunReportSchedule");

        var runs = routes.MapGroup("/api/v1/report-runs").RequireAuthorization(Policies.Tickets).WithTags("Reports");
        runs.MapGet("/", async (string? schedule, HttpContext http, ReportRuns archive, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "reports")
                ?? (schedule is null ? ApiProblems.BadRequest("schedule", "Name the schedule: ?schedule={id}.") : Results.Json(new { items = (await archive.ListAsync(schedule, ct)).Select(run => Summary(run)) }, ApiJson.Options)))
            .WithName("ListReportRuns");
        runs.MapGet("/{id}", async (string id, HttpContext http, ReportRuns archive, ReportDeliveries deliveries, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "reports")
                ?? (await archive.GetAsync(id, ct) is { } run
                    ? Results.Json(Summary(run, await deliveries.ListAsync(id, ct)), ApiJson.Options)
                    : ApiProblems.NoSuch("report run", id)))
            .WithName("GetReportRun");
        runs.MapGet("/{id}/html", async (string id, string? language, HttpContext http, ReportRuns archive, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "reports")
                ?? (await archive.GetAsync(id, ct) is not { } run ? ApiProblems.NoSuch("report run", id)
                : (Core.Notifications.LanguageFallback.For(language).Select(l => run.Html.GetValueOrDefault(l)).FirstOrDefault(h => h is not null) ?? run.Html.Values.FirstOrDefault()) is { } html
                    ? Results.Content(html, "text/html; charset=utf-8")
                    : ApiProblems.Field(StatusCodes.Status404NotFound, "id", $"Run {id} has no report ({run.Status}).")))
            .WithName("GetReportRunHtml");
        runs.MapGet("/{id}/csv", async (string id, HttpContext http, ReportRuns archive, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "reports")
                ?? (await archive.GetAsync(id, ct) is { Csv: { } csv } ? Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", ReportRunLinks.CsvFileName(id)) : ApiProblems.NoSuch("report run", id)))
            .WithName("GetReportRunCsv");
        runs.MapGet("/{id}/charts/{chart:int}.png", async (string id, int chart, HttpContext http, ReportRuns archive, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "reports")
                ?? (await archive.GetAsync(id, ct) is { } run && chart >= 0 && chart < run.Charts.Count ? Results.File(run.Charts[chart], "image/png") : ApiProblems.NoSuch("chart", $"{id}/{chart}")))
            .WithName("GetReportRunChart");
        return routes;
    }

    private static async Task<IResult> SaveAsync(string id, HttpContext http, ReportSchedules store, ReportScheduling scheduling, TimeProvider time, CancellationToken cancellationToken)
    {
        var (_, body, problem) = await StaffRequests.ReadAsync<ReportScheduleRequest>(http, "Customer keys cannot schedule reports.", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (SettingsInput.Id("id", id) is { } badId)
        {
            return ApiProblems.From(badId);
        }

        var existing = await store.GetAsync(id, cancellationToken);
        var schedule = new ReportSchedule(id, body!.Name ?? "", body.Kpis ?? [], body.Cron ?? "", body.TimeZone ?? "", body.Recipients ?? [])
        {
            Period = body.Period ?? "previous-week",
            Enabled = body.Enabled ?? true,
            Filters = body.Filters?.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value, StringComparer.Ordinal) ?? [],
            CreatedAt = existing?.CreatedAt ?? time.GetUtcNow(),
        };
        if (ReportScheduleCheck.Problem(schedule) is { } invalid)
        {
            return ApiProblems.BadRequest(invalid.Field, invalid.Message);
        }

        var created = await store.SaveAsync(schedule, cancellationToken);
        await scheduling.ApplyAsync(schedule, cancellationToken);
        return Results.Json(schedule, ApiJson.Options, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <param name="deliveries">For one run: its mail per recipient (<c>pending</c>, <c>sent</c> or <c>failed</c>); the list leaves it out.</param>
    private static object Summary(ReportRun run, IReadOnlyList<ReportDelivery>? deliveries = null) => new
    {
        id = run.Id,
        scheduleId = run.ScheduleId,
        dueAt = run.DueAt,
        startedAt = run.StartedAt,
        status = run.Status,
        error = run.Error,
        languages = run.Html.Keys,
        html = $"/api/v1/report-runs/{run.Id}/html",
        csv = $"/api/v1/report-runs/{run.Id}/csv",
        charts = Enumerable.Range(0, run.Charts.Count).Select(i => ReportRunLinks.ChartUrl(run.Id, i)),
        deliveries = deliveries?.Select(d => new
        {
            email = d.Email,
            language = d.Language,
            status = d.Status,
            attempts = d.Attempts,
            lastError = d.Error,
            sentAt = d.SentAt,
            nextAttemptAt = d.Status == ReportDelivery.Pending ? d.NextAttemptAt : (DateTimeOffset?)null,
            messageId = d.MessageId,
        }),
    };
}
