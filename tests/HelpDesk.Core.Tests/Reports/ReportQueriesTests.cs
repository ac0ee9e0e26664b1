using HelpDesk.Core.Reports;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Rules;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Tests.Reports;

/// <summary>
/// Each KPI on 50,000 generated tickets against the value computed here from what the generator decided, never from
/// the database: the same on SQLite and PostgreSQL. The range crosses Europe's DST change, so hours in Europe/Berlin
/// move by one on 25 October.
/// </summary>
public abstract class ReportQueriesTests(ReportDataFixture data)
{
    private static readonly DateTimeOffset From = ReportDataSet.Start.AddDays(10);
    private static readonly DateTimeOffset To = ReportDataSet.End;
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private ReportQueries Queries => new(data.Database!);

    private IEnumerable<GeneratedTicket> OpenedInRange => data.Generated.Where(t => t.CreatedAt >= From && t.CreatedAt < To);

    private IEnumerable<GeneratedTicket> SolvedInRange => data.Generated.Where(t => t.SolvedAt >= From && t.SolvedAt < To);

    [Fact]
    public async Task Volume_by_channel_and_by_hour_and_weekday_in_berlin_across_the_dst_change()
    {
        await data.RequireAsync();

        var byChannel = await RunAsync(Kpi.Volume, ReportDimension.Channel);
        var byHour = await RunAsync(Kpi.Volume, ReportDimension.Hour, Berlin);
        var byWeekday = await RunAsync(Kpi.Volume, ReportDimension.Weekday, Berlin);

        Assert.Equal(Expected(OpenedInRange.GroupBy(t => RuleFields.Word(t.Channel))), Actual(byChannel));
        Assert.Equal(Expected(OpenedInRange.GroupBy(t => TimeZoneInfo.ConvertTime(t.CreatedAt, Berlin).Hour.ToString(System.Globalization.CultureInfo.InvariantCulture))), Actual(byHour));
        Assert.Equal(Expected(OpenedInRange.GroupBy(t => TimeZoneInfo.ConvertTime(t.CreatedAt, Berlin).DayOfWeek.ToString().ToLowerInvariant())), Actual(byWeekday));
    }

    [Fact]
    public async Task First_response_and_resolution_times_are_the_nearest_rank_median_and_p90()
    {
        await data.RequireAsync();

        var firstResponse = await RunAsync(Kpi.FirstResponseTime, ReportDimension.Channel);
        var resolution = await RunAsync(Kpi.ResolutionTime, ReportDimension.Queue);
        var overall = Assert.Single((await RunAsync(Kpi.FirstResponseTime, ReportDimension.None)).Rows);

        foreach (var group in OpenedInRange.Where(t => t.FirstReplyAt is not null).GroupBy(t => RuleFields.Word(t.Channel)))
        {
            var row = Assert.Single(firstResponse.Rows, r => r.Key == group.Key);
            Assert.Equal(Summary(group.Select(t => (t.FirstReplyAt!.Value - t.CreatedAt).TotalMinutes)), row.Values);
        }

        foreach (var group in SolvedInRange.GroupBy(t => t.Queue))
        {
            var row = Assert.Single(resolution.Rows, r => r.Key == group.Key);
            Assert.Equal(Summary(group.Select(t => (t.SolvedAt!.Value - t.CreatedAt).TotalMinutes)), row.Values);
        }

        Assert.Equal(Summary(OpenedInRange.Where(t => t.FirstReplyAt is not null).Select(t => (t.FirstReplyAt!.Value - t.CreatedAt).TotalMinutes)), overall.Values);
    }

    [Fact]
    public async Task Satisfaction_reopen_rate_and_backlog_by_age()
    {
        await data.RequireAsync();

        var csat = Assert.Single((await RunAsync(Kpi.Satisfaction, ReportDimension.None)).Rows).Values;
        var reopens = Assert.Single((await RunAsync(Kpi.ReopenRate, ReportDimension.None)).Rows).Values;
        var backlog = await RunAsync(Kpi.Backlog, ReportDimension.None);

        var solved = SolvedInRange.ToList();
        var rated = solved.Where(t => t.Rating is not null).ToList();
        var good = rated.Count(t => t.Rating == SatisfactionRating.Good);
        Assert.Equal(
            [solved.Count, rated.Count, good, rated.Count(t => t.Rating == SatisfactionRating.Neutral), rated.Count(t => t.Rating == SatisfactionRating.Bad), (double)good / rated.Count, (double)rated.Count / solved.Count],
            csat);
        var reopened = solved.Count(t => t.ReopenedAt is not null);
        Assert.Equal([solved.Count, reopened, (double)reopened / solved.Count], reopens);

        var open = data.Generated.Where(t => t.CreatedAt < To && (t.SolvedAt is null || t.SolvedAt >= To)).Select(t => (To - t.CreatedAt).TotalDays).ToList();
        Assert.Equal(
            [open.Count(d => d < 1), open.Count(d => d is >= 1 and < 3), open.Count(d => d is >= 3 and < 7), open.Count(d => d is >= 7 and < 30), open.Count(d => d >= 30)],
            backlog.Rows.Select(r => (int)r.Values[0]!.Value));
        Assert.Equal(["under-1-day", "1-3-days", "3-7-days", "7-30-days", "30-days-and-over"], backlog.Rows.Select(r => r.Key));
    }

    [Fact]
    public async Task First_contact_resolution_and_proactive_share_by_channel()
    {
        await data.RequireAsync();

        var firstContact = Assert.Single((await RunAsync(Kpi.FirstContactResolution, ReportDimension.None)).Rows).Values;
        var proactive = await RunAsync(Kpi.ProactiveShare, ReportDimension.Queue);

        var solved = SolvedInRange.ToList();
        var once = solved.Count(t => t.FirstReplyAt is not null && t.SecondReplyAt is null && t.ReopenedAt is null);
        Assert.Equal([solved.Count, once, (double)once / solved.Count], firstContact);
        foreach (var queue in OpenedInRange.GroupBy(t => t.Queue))
        {
            var monitoring = queue.Count(t => t.Channel == Channel.Monitoring);
            Assert.Equal([queue.Count(), monitoring, (double)monitoring / queue.Count()], Assert.Single(proactive.Rows, r => r.Key == queue.Key).Values);
        }
    }

    [Fact]
    public async Task Sla_compliance_per_target_by_channel()
    {
        await data.RequireAsync();

        var compliance = await RunAsync(Kpi.SlaCompliance, ReportDimension.Channel);

        foreach (var channel in OpenedInRange.GroupBy(t => RuleFields.Word(t.Channel)))
        {
            var breached = channel.Count(t => t.FirstResponseBreached);
            var row = Assert.Single(compliance.Rows, r => r.Key == channel.Key).Values;
            // Every ticket has the resolution target on office hours, which the data set's watch never records as breached.
            Assert.Equal([channel.Count(), breached, (double)(channel.Count() - breached) / channel.Count(), 0, 0, null, channel.Count(), 0, 1.0], row);
        }
    }

    [Fact]
    public async Task Escalations_by_target_with_the_time_to_done()
    {
        await data.RequireAsync();

        var escalations = await RunAsync(Kpi.Escalations, ReportDimension.None);

        var requested = data.Generated.Where(t => t.Escalation is not null && t.EscalatedAt >= From && t.EscalatedAt < To).GroupBy(t => t.Escalation!.Value.Target).ToList();
        Assert.Equal(requested.Select(g => g.Key).Order(StringComparer.Ordinal), escalations.Rows.Select(r => r.Key));
        foreach (var target in requested)
        {
            var done = target.Where(t => t.Escalation!.Value.MinutesToDone is not null).Select(t => (double)t.Escalation!.Value.MinutesToDone!.Value).Order().ToList();
            Assert.Equal(
                [target.Count(), done.Count, done[(int)Math.Ceiling(0.5 * done.Count) - 1], done[(int)Math.Ceiling(0.9 * done.Count) - 1]],
                Assert.Single(escalations.Rows, r => r.Key == target.Key).Values);
        }
    }

    [Fact]
    public async Task Business_time_variants_count_office_hours_in_berlin_across_the_dst_change()
    {
        await data.RequireAsync();

        var firstResponse = await RunAsync(Kpi.FirstResponseBusinessTime, ReportDimension.Queue);
        var resolution = await RunAsync(Kpi.ResolutionBusinessTime, ReportDimension.Channel);

        // Engineering answers on office hours; the other queues' first-response target is on calendar time.
        foreach (var queue in OpenedInRange.Where(t => t.FirstReplyAt is not null).GroupBy(t => t.Queue))
        {
            var minutes = queue.Select(t => t.FirstResponseOnOfficeHours ? OfficeMinutes.Between(t.CreatedAt, t.FirstReplyAt!.Value) : (t.FirstReplyAt!.Value - t.CreatedAt).TotalMinutes);
            Assert.Equal(Summary(minutes), Assert.Single(firstResponse.Rows, r => r.Key == queue.Key).Values);
        }

        foreach (var channel in SolvedInRange.GroupBy(t => RuleFields.Word(t.Channel)))
        {
            Assert.Equal(Summary(channel.Select(t => OfficeMinutes.Between(t.CreatedAt, t.SolvedAt!.Value))), Assert.Single(resolution.Rows, r => r.Key == channel.Key).Values);
        }
    }

    [Fact]
    public async Task Each_ticket_open_over_the_dst_change_keeps_its_office_minutes_to_solve()
    {
        await data.RequireAsync();
        var change = new DateTimeOffset(2026, 10, 25, 1, 0, 0, TimeSpan.Zero);
        var spanning = data.Generated.Where(t => t.CreatedAt < change && t.SolvedAt > change).ToDictionary(t => t.Number);

        var stored = await data.Database!.QueryAsync(
            $"SELECT number, resolution_business_ms FROM report_facts WHERE created_at < {change.ToUnixTimeMilliseconds()} AND solved_at > {change.ToUnixTimeMilliseconds()}",
            _ => { }, r => (Number: r.GetInt64(0), Ms: r.GetInt64(1)), Token);

        Assert.True(spanning.Count > 500, $"Only {spanning.Count} tickets are open over the change.");
        Assert.Equal(spanning.Keys.Order(), stored.Select(s => s.Number).Order());
        Assert.All(stored, s => Assert.Equal(OfficeMinutes.Between(spanning[s.Number].CreatedAt, spanning[s.Number].SolvedAt!.Value), s.Ms / 60_000.0));
    }

    [Fact]
    public async Task Agent_performance_by_assignee()
    {
        await data.RequireAsync();

        var agents = await RunAsync(Kpi.Agents, ReportDimension.None);

        var byAgent = SolvedInRange.GroupBy(t => t.Assignee ?? "").OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(["", .. ReportDataSet.Agents], agents.Rows.Select(r => r.Key));
        foreach (var agent in byAgent)
        {
            var replied = agent.Where(t => t.FirstReplyAt is not null).Select(t => (t.FirstReplyAt!.Value - t.CreatedAt).TotalMinutes).Order().ToList();
            var rated = agent.Where(t => t.Rating is not null).ToList();
            Assert.Equal(
                [agent.Count(), replied[(int)Math.Ceiling(0.5 * replied.Count) - 1], rated.Count, (double)rated.Count(t => t.Rating == SatisfactionRating.Good) / rated.Count],
                Assert.Single(agents.Rows, r => r.Key == agent.Key).Values);
        }
    }

    [Fact]
    public async Task Counting_kpis_over_ragged_ends_in_quarter_hour_zones_count_every_ticket_once()
    {
        await data.RequireAsync();
        // Not on a quarter hour at either end; Kathmandu is 5:45 ahead of UTC, Lord Howe moves by half an hour on 4 October.
        var (from, to) = (From.AddMinutes(7).AddSeconds(13), To.AddMinutes(-22).AddMilliseconds(-1));
        var kathmandu = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kathmandu");
        var lordHowe = TimeZoneInfo.FindSystemTimeZoneById("Australia/Lord_Howe");

        var byHour = await Queries.RunAsync(Kpi.Volume, new ReportQuery(from, to, kathmandu, ReportDimension.Hour), Token);
        var byDay = await Queries.RunAsync(Kpi.ProactiveShare, new ReportQuery(from, to, lordHowe, ReportDimension.Day), Token);
        var byCategory = await Queries.RunAsync(Kpi.Satisfaction, new ReportQuery(from, to, TimeZoneInfo.Utc, ReportDimension.Category), Token);

        var opened = data.Generated.Where(t => t.CreatedAt >= from && t.CreatedAt < to).ToList();
        Assert.Equal(Expected(opened.GroupBy(t => TimeZoneInfo.ConvertTime(t.CreatedAt, kathmandu).Hour.ToString(System.Globalization.CultureInfo.InvariantCulture))), Actual(byHour));
        Assert.Equal(
            opened.GroupBy(t => TimeZoneInfo.ConvertTime(t.CreatedAt, lordHowe).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, (double?)g.Count(), (double?)g.Count(t => t.Channel == Channel.Monitoring))),
            byDay.Rows.Select(r => (r.Key, r.Values[0], r.Values[1])));
        var solved = data.Generated.Where(t => t.SolvedAt >= from && t.SolvedAt < to).ToList();
        Assert.Equal(
            solved.GroupBy(t => t.Category).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, (double?)g.Count(), (double?)g.Count(t => t.Rating is not null), (double?)g.Count(t => t.Rating == SatisfactionRating.Good))),
            byCategory.Rows.Select(r => (r.Key, r.Values[0], r.Values[1], r.Values[2])));
        Assert.Contains(opened, t => t.CreatedAt < From.AddMinutes(15));
        Assert.Contains(opened, t => t.CreatedAt >= To.AddMinutes(-30));
    }

    [Fact]
    public async Task Filters_count_only_the_matching_tickets_in_every_kind_of_kpi()
    {
        await data.RequireAsync();
        ReportFilter billing = new(ReportDimension.Queue, ["billing"]);
        ReportFilter emailOrWeb = new(ReportDimension.Channel, ["email", "WEB"]);

        var volume = await RunAsync(Kpi.Volume, ReportDimension.Channel, filters: [billing, emailOrWeb]);
        var firstResponse = await RunAsync(Kpi.FirstResponseTime, ReportDimension.Queue, filters: [emailOrWeb]);
        var backlog = await RunAsync(Kpi.Backlog, ReportDimension.None, filters: [billing]);
        var escalations = await RunAsync(Kpi.Escalations, ReportDimension.None, filters: [billing]);
        var agents = await RunAsync(Kpi.Agents, ReportDimension.None, filters: [billing]);

        static bool EmailOrWeb(GeneratedTicket t) => t.Channel is Channel.Email or Channel.Web;
        Assert.Equal(Expected(OpenedInRange.Where(t => t.Queue == "billing" && EmailOrWeb(t)).GroupBy(t => RuleFields.Word(t.Channel))), Actual(volume));
        var answered = OpenedInRange.Where(t => EmailOrWeb(t) && t.FirstReplyAt is not null).GroupBy(t => t.Queue).ToList();
        Assert.Equal(answered.Select(g => g.Key).Order(StringComparer.Ordinal), firstResponse.Rows.Select(r => r.Key));
        foreach (var queue in answered)
        {
            Assert.Equal(Summary(queue.Select(t => (t.FirstReplyAt!.Value - t.CreatedAt).TotalMinutes)), Assert.Single(firstResponse.Rows, r => r.Key == queue.Key).Values);
        }

        var open = data.Generated.Where(t => t.Queue == "billing" && t.CreatedAt < To && (t.SolvedAt is null || t.SolvedAt >= To)).Select(t => (To - t.CreatedAt).TotalDays).ToList();
        Assert.Equal(
            [open.Count(d => d < 1), open.Count(d => d is >= 1 and < 3), open.Count(d => d is >= 3 and < 7), open.Count(d => d is >= 7 and < 30), open.Count(d => d >= 30)],
            backlog.Rows.Select(r => (int)r.Values[0]!.Value));

        var requested = data.Generated.Where(t => t.Queue == "billing" && t.Escalation is not null && t.EscalatedAt >= From && t.EscalatedAt < To)
            .GroupBy(t => t.Escalation!.Value.Target).ToDictionary(g => g.Key, g => (double?)g.Count());
        Assert.Equal(requested, escalations.Rows.ToDictionary(r => r.Key, r => r.Values[0]));

        var solvedByAgent = SolvedInRange.Where(t => t.Queue == "billing").GroupBy(t => t.Assignee ?? "").ToDictionary(g => g.Key, g => (double?)g.Count());
        Assert.Equal(solvedByAgent, agents.Rows.ToDictionary(r => r.Key, r => r.Values[0]));
    }

    private Task<KpiReport> RunAsync(Kpi kpi, ReportDimension groupBy, TimeZoneInfo? zone = null, IReadOnlyList<ReportFilter>? filters = null) =>
        Queries.RunAsync(kpi, new ReportQuery(From, To, zone ?? TimeZoneInfo.Utc, groupBy) { Filters = filters ?? [] }, Token);

    private static SortedDictionary<string, long> Expected(IEnumerable<IGrouping<string, GeneratedTicket>> groups) =>
        new(groups.ToDictionary(g => g.Key, g => (long)g.Count()), StringComparer.Ordinal);

    private static SortedDictionary<string, long> Actual(KpiReport report) =>
        new(report.Rows.ToDictionary(r => r.Key, r => (long)r.Values[0]!.Value), StringComparer.Ordinal);

    private static double?[] Summary(IEnumerable<double> minutes)
    {
        var sorted = minutes.Order().ToList();
        return [sorted.Count, sorted[(int)Math.Ceiling(0.5 * sorted.Count) - 1], sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1]];
    }
}

public sealed class SqliteReportQueriesTests(SqliteReportData data) : ReportQueriesTests(data), IClassFixture<SqliteReportData>;

public sealed class PostgreSqlReportQueriesTests(PostgreSqlReportData data) : ReportQueriesTests(data), IClassFixture<PostgreSqlReportData>;
