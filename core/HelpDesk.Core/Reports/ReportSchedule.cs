namespace HelpDesk.Core.Reports;

/// <summary>One KPI of a scheduled report, with its breakdown (<c>channel</c>, <c>hour</c>…) or none.</summary>
public sealed record ReportScheduleKpi(string Kpi, string? GroupBy = null);

/// <summary>Who gets the report, and in which language (BCP 47; English by default).</summary>
public sealed record ReportRecipient(string Email, string? Language = null);

/// <summary>
/// A report run by Quartz on a cron in an IANA time zone (<c>0 0 8 ? * MON</c> in <c>Asia/Seoul</c>: Mondays 08:00 in
/// Seoul), over the period just ended (<c>previous-day</c>, <c>previous-week</c> or <c>previous-month</c>, in local
/// days), kept in the report archive.
/// </summary>
public sealed record ReportSchedule(string Id, string Name, IReadOnlyList<ReportScheduleKpi> Kpis, string Cron, string TimeZone, IReadOnlyList<ReportRecipient> Recipients)
{
    public string Period { get; init; } = "previous-week";

    public bool Enabled { get; init; } = true;

    /// <summary>Only tickets matching these are counted, in every KPI of the report: attribute → its accepted values (<c>queue</c> → <c>["billing"]</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>When it was first saved: a schedule never catches up on times before it existed.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
