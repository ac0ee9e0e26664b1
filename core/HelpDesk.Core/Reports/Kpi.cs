namespace HelpDesk.Core.Reports;

/// <summary>What a report can be broken down by.</summary>
public enum ReportDimension
{
    /// <summary>No breakdown: one row, <c>all</c>.</summary>
    None,
    Channel,
    Type,
    Category,
    Queue,
    Language,
    Region,
    Organization,
    Customer,
    Assignee,

    /// <summary>Hour of day (0–23) in the report's time zone.</summary>
    Hour,

    /// <summary>Day of the week (<c>monday</c> …) in the report's time zone.</summary>
    Weekday,

    /// <summary>Calendar date (<c>2026-11-23</c>) in the report's time zone.</summary>
    Day,
}

/// <summary>The API's spelling of the dimensions a report can be broken down by.</summary>
public static class ReportDimensions
{
    /// <summary>Every dimension but <see cref="ReportDimension.None"/>, as the API spells it (<c>channel</c>, <c>hour</c>).</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<ReportDimension>().Skip(1).Select(d => HelpDesk.Domain.Rules.RuleFields.Word(d))];

    public static bool TryParse(string? text, out ReportDimension dimension)
    {
        dimension = Enum.GetValues<ReportDimension>().FirstOrDefault(d => d != ReportDimension.None && HelpDesk.Domain.Rules.RuleFields.Word(d) == text);
        return dimension != ReportDimension.None;
    }
}

/// <summary>A KPI: its name in the API, its exact definition, and its columns.</summary>
/// <param name="FixedBreakdown">What the KPI is always broken down by (backlog by age, escalations by target); such a KPI takes no <c>groupBy</c>.</param>
public sealed record Kpi(string Name, string Definition, IReadOnlyList<string> Columns, string? FixedBreakdown = null)
{

    public static readonly Kpi Volume = new(
        "volume",
        "Tickets opened from `from` (inclusive) to `to` (exclusive), by the dimension; hour, weekday and day are of the opening time in `timeZone`.",
        ["tickets"]);

    public static readonly Kpi FirstResponseTime = new(
        "first-response-time",
        "For tickets opened in the range that have a first public agent reply: the count, and the median and 90th percentile (nearest rank) of the minutes from opening to that reply, in calendar time.",
        ["tickets", "medianMinutes", "p90Minutes"]);

    public static readonly Kpi ResolutionTime = new(
        "resolution-time",
        "For tickets whose latest solve falls in the range: the count, and the median and 90th percentile (nearest rank) of the minutes from opening to that solve, in calendar time; time dimensions use the solve time.",
        ["tickets", "medianMinutes", "p90Minutes"]);

    public static readonly Kpi FirstResponseBusinessTime = new(
        "first-response-time-business",
        "As first-response-time, in business time: the working minutes from opening to the first public agent reply on the calendar of the ticket's first-response SLA target (its shifts and holidays in its own time zone, across DST changes); tickets whose policy has no such target are not counted.",
        ["tickets", "medianMinutes", "p90Minutes"]);

    public static readonly Kpi ResolutionBusinessTime = new(
        "resolution-time-business",
        "As resolution-time, in business time: the working minutes from opening to the latest solve on the calendar of the ticket's resolution SLA target (its shifts and holidays in its own time zone, across DST changes); tickets whose policy has no such target are not counted.",
        ["tickets", "medianMinutes", "p90Minutes"]);

    public static readonly Kpi Backlog = new(
        "backlog",
        "Tickets opened before `to` and not solved by then (by their latest solve), by age at `to`: under 1 day, 1–3 days, 3–7 days, 7–30 days, 30 days and over; `from` is not used.",
        ["tickets"],
        FixedBreakdown: "age");

    public static readonly Kpi Satisfaction = new(
        "csat",
        "For tickets whose latest solve falls in the range: solved, rated (their latest solve rated), good, neutral, bad, score = good / rated, response rate = rated / solved.",
        ["solved", "rated", "good", "neutral", "bad", "score", "responseRate"]);

    public static readonly Kpi ReopenRate = new(
        "reopen-rate",
        "For tickets whose latest solve falls in the range: solved, reopened (moved from solved back to an open status at least once, at any time; closing a solved ticket is not a reopen), rate = reopened / solved.",
        ["solved", "reopened", "rate"]);

    public static readonly Kpi FirstContactResolution = new(
        "first-contact-resolution",
        "For tickets whose latest solve falls in the range: solved, resolved on first contact (exactly one public agent reply and never reopened), rate = resolved on first contact / solved.",
        ["solved", "firstContact", "rate"]);

    public static readonly Kpi ProactiveShare = new(
        "proactive-share",
        "Tickets opened in the range, those opened by monitoring (channel monitoring: an alert before any customer wrote), share = monitoring / tickets.",
        ["tickets", "proactive", "share"]);

    public static readonly Kpi SlaCompliance = new(
        "sla-compliance",
        "For tickets opened in the range that had the target (first response, next response, resolution) under any SLA policy applied to them: how many, how many had it breached at least once (so far), and compliance = 1 − breached / tickets.",
        ["firstResponseTickets", "firstResponseBreached", "firstResponseCompliance", "nextResponseTickets", "nextResponseBreached", "nextResponseCompliance",
            "resolutionTickets", "resolutionBreached", "resolutionCompliance"]);

    public static readonly Kpi Escalations = new(
        "escalations",
        "Escalations requested in the range, by target (jira, github): requested, done (the issue exists), and the median and 90th percentile (nearest rank) of the minutes from request to done, over those done.",
        ["requested", "done", "medianMinutesToDone", "p90MinutesToDone"],
        FixedBreakdown: "target");

    public static readonly Kpi Agents = new(
        "agents",
        "Agent performance, by the ticket's assignee (empty: unassigned), for tickets whose latest solve falls in the range: solved, the median minutes from opening to the first public agent reply (calendar time, over those with one), rated (their latest solve rated), and CSAT score = good / rated.",
        ["solved", "medianFirstResponseMinutes", "rated", "csat"],
        FixedBreakdown: "assignee");

    public static IReadOnlyList<Kpi> All { get; } =
    [
        Volume, FirstResponseTime, FirstResponseBusinessTime, ResolutionTime, ResolutionBusinessTime, Backlog, Satisfaction, ReopenRate,
        FirstContactResolution, ProactiveShare, SlaCompliance, Escalations, Agents,
    ];

    public static Kpi? Find(string name) => All.FirstOrDefault(k => k.Name == name);
}

/// <summary>The range, the zone its days and hours are read in, the breakdown, and the filters.</summary>
public sealed record ReportQuery(DateTimeOffset From, DateTimeOffset To, TimeZoneInfo TimeZone, ReportDimension GroupBy = ReportDimension.None)
{
    /// <summary>Only tickets matching every filter are counted; none: every ticket.</summary>
    public IReadOnlyList<ReportFilter> Filters { get; init; } = [];
}

/// <summary>One row of a KPI: its key (the dimension's value, or <c>all</c>) and a value per column, null when undefined.</summary>
public sealed record ReportRow(string Key, IReadOnlyList<double?> Values);

public sealed record KpiReport(Kpi Kpi, ReportQuery Query, IReadOnlyList<ReportRow> Rows);
