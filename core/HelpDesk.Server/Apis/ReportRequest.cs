using System.Globalization;
using HelpDesk.Core.Reports;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Rules;
using HelpDesk.Server.Http;

namespace HelpDesk.Server.Apis;

/// <summary>Reads and checks a report's query string: every refusal is a 400 naming the parameter at fault.</summary>
public static class ReportRequest
{
    /// <summary>The longest range one request may cover; longer ones would scan more than a live answer should.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);

    private static readonly HashSet<string> Known = ["from", "to", "timeZone", "groupBy"];

    public static (ReportQuery? Query, IResult? Problem) Read(Kpi kpi, IQueryCollection query, DateTimeOffset now)
    {
        // Any other parameter filters by a ticket attribute, repeated for several values: channel=email&channel=web.
        var (filters, badFilter) = ReportFilters.Read(
            query.Where(p => !Known.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, (IReadOnlyList<string>)[.. p.Value.Select(v => v ?? "")])), "");
        if (badFilter is not null)
        {
            return Fail(badFilter.Field, $"Unknown parameter or bad filter: {badFilter.Message} Other parameters: {string.Join(", ", Known)}.");
        }

        string? Get(string name) => query.TryGetValue(name, out var value) ? value.ToString() : null;

        if (!TryTime(Get("to"), now, out var to))
        {
            return Fail("to", "to is an ISO 8601 time with its offset, such as 2026-11-23T00:00:00Z.");
        }

        if (!TryTime(Get("from"), to.AddDays(-30), out var from))
        {
            return Fail("from", "from is an ISO 8601 time with its offset, such as 2026-11-01T00:00:00Z.");
        }

        if (from >= to)
        {
            return Fail("from", "from must come before to.");
        }

        if (to - from > MaxRange)
        {
            return Fail("to", $"A report covers at most {MaxRange.TotalDays:0} days; ask for several.");
        }

        var zoneName = Get("timeZone") ?? "UTC";
        if (!TicketInput.IsIanaTimeZone(zoneName))
        {
            return Fail("timeZone", $"'{zoneName}' is not an IANA time zone such as Asia/Seoul.");
        }

        var groupBy = ReportDimension.None;
        if (Get("groupBy") is { } dimension && !ReportDimensions.TryParse(dimension, out groupBy))
        {
            return Fail("groupBy", $"Unknown dimension '{dimension}'; use one of: {string.Join(", ", ReportDimensions.Names)}.");
        }

        if (kpi.FixedBreakdown is { } fixedBreakdown && groupBy != ReportDimension.None)
        {
            return Fail("groupBy", $"{kpi.Name} is broken down by {fixedBreakdown} only.");
        }

        return (new ReportQuery(from, to, TimeZoneInfo.FindSystemTimeZoneById(zoneName), groupBy) { Filters = filters }, null);
    }

    private static bool TryTime(string? text, DateTimeOffset fallback, out DateTimeOffset time)
    {
        if (string.IsNullOrEmpty(text))
        {
            time = fallback;
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time) && text.Contains('T', StringComparison.Ordinal)
            && time.Year is >= 2000 and <= 9000;
    }

    private static (ReportQuery?, IResult?) Fail(string field, string detail) => (null, ApiProblems.BadRequest(field, detail));
}
