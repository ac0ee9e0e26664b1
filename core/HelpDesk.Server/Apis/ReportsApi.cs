using System.Globalization;
using CsvHelper;
using HelpDesk.Core.Reports;
using HelpDesk.Domain.Rules;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

/// <summary>
/// Live KPIs: <c>GET /api/v1/reports</c> lists them with their exact definitions; <c>GET /api/v1/reports/{kpi}</c>
/// computes one from the projection now (JSON, or CSV with <c>Accept: text/csv</c>). For the support team only.
/// </summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApiV1(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api/v1/reports").RequireAuthorization(Policies.Tickets).WithTags("Reports");
        reports.MapGet("/", (HttpContext http) => Hidden(http) ?? Results.Json(
            new { items = Kpi.All.Select(k => new { name = k.Name, definition = k.Definition, columns = k.Columns, groupBy = Dimensions(k), filters = ReportFilters.FilterableNames }) }, ApiJson.Options))
            .WithName("ListReports");
        reports.MapGet("/{kpi}", RunAsync).WithName("GetReport")
            .WithDescription(
                $"Filters: any of {string.Join(", ", ReportFilters.FilterableNames)} as a parameter counts only tickets with that value, repeated for several "
                + "values (`channel=email&channel=web`), an empty value for none set (`queue=`). KPIs: "
                + string.Join(" ", Kpi.All.Select(k => $"`{k.Name}`: {k.Definition}")));
        return routes;
    }

    private static async Task<IResult> RunAsync(string kpi, HttpContext http, ReportQueries reports, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Hidden(http) is { } hidden)
        {
            return hidden;
        }

        if (Kpi.Find(kpi) is not { } found)
        {
            return ApiProblems.BadRequest("kpi", $"Unknown KPI '{kpi}'; use one of: {string.Join(", ", Kpi.All.Select(k => k.Name))}.");
        }

        var (query, problem) = ReportRequest.Read(found, http.Request.Query, time.GetUtcNow());
        if (problem is not null)
        {
            return problem;
        }

        var report = await reports.RunAsync(found, query!, cancellationToken);
        return http.Request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true)
            ? Results.Text(Csv(report), "text/csv; charset=utf-8")
            : Results.Json(new
            {
                kpi = found.Name,
                definition = found.Definition,
                from = query!.From,
                to = query.To,
                timeZone = query.TimeZone.Id,
                groupBy = RuleFields.Word(query.GroupBy),
                filters = query.Filters.ToDictionary(f => RuleFields.Word(f.Dimension), f => f.Values),
                columns = found.Columns,
                rows = report.Rows.Select(r => new { key = r.Key, values = found.Columns.Zip(r.Values).ToDictionary(p => p.First, p => p.Second) }),
            }, ApiJson.Options);
    }

    private static string Csv(KpiReport report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, options: null, leaveOpen: true))
        {
            csv.WriteHeader(["key", .. report.Kpi.Columns]);
            foreach (var row in report.Rows)
            {
                csv.WriteRecord([row.Key, .. row.Values.Select(v => v?.ToString("R", CultureInfo.InvariantCulture) ?? "")]);
            }

            csv.Flush();
        }

        return text.ToString();
    }

    private static string[] Dimensions(Kpi kpi) =>
        kpi.FixedBreakdown is not null ? [] : [.. ReportDimensions.Names];

    // Aggregates over every ticket: not for customers' keys, nor for occasional agents limited to some queues.
    private static IResult? Hidden(HttpContext http) =>
        StaffRequests.HiddenFromCustomers(http, "reports")
        ?? (Caller.From(http.User).OccasionalQueues is not null ? ApiProblems.Field(StatusCodes.Status403Forbidden, "scope", "Occasional agents' keys cannot see reports over every ticket.") : null);
}
