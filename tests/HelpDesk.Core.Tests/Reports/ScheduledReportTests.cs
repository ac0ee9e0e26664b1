using AngleSharp.Html.Parser;
using HelpDesk.Core.Reports;
using HelpDesk.Core.Storage;
using HelpDesk.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelpDesk.Core.Tests.Reports;

/// <summary>A scheduled report's run: made once per due time, rendered as HTML per language with PNG charts and CSV that reads back.</summary>
public sealed class ScheduledReportTests
{
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 8, 0, 0, Seoul);

    private static ReportSchedule Weekly() => new(
        "weekly", "Weekly summary", [new ReportScheduleKpi("volume", "channel"), new ReportScheduleKpi("first-response-time"), new ReportScheduleKpi("csat")],
        "0 0 8 ? * MON", "Asia/Seoul", [new ReportRecipient("lead@example.com", "ko-KR"), new ReportRecipient("cto@example.com")])
    {
        CreatedAt = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private static (ReportRunner Runner, ReportRuns Runs, ReportQueries Queries) Services(Database database)
    {
        var runs = new ReportRuns(database, TimeProvider.System);
        var queries = new ReportQueries(database);
        return (new ReportRunner(new ReportSchedules(database, TimeProvider.System), runs, queries, TimeProvider.System, NullLogger<ReportRunner>.Instance), runs, queries);
    }

    [Fact]
    public async Task A_run_is_made_once_and_its_html_charts_and_csv_say_what_the_kpis_say()
    {
        using var directory = new TempDirectory();
        await using var database = SqliteDatabase.InDirectory(directory.Path);
        await ReportDataSet.WriteAsync(database, ReportDataSet.Generate(3_000));
        await new ReportSchedules(database, TimeProvider.System).SaveAsync(Weekly(), CancellationToken.None);
        var (runner, runs, queries) = Services(database);

        var id = await runner.RunAsync("weekly", Monday, CancellationToken.None);
        var again = await runner.RunAsync("weekly", Monday, CancellationToken.None);

        Assert.NotNull(id);
        Assert.Null(again);
        var run = (await runs.GetAsync(id!, CancellationToken.None))!;
        Assert.Equal(("done", Monday), (run.Status, run.DueAt));
        Assert.Equal(["en", "ko-KR"], run.Html.Keys.Order(StringComparer.Ordinal));

        var korean = await new HtmlParser().ParseDocumentAsync(run.Html["ko-KR"]);
        Assert.Equal("ko-KR", korean.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("보고서", korean.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, korean.QuerySelectorAll("table").Length);
        var images = korean.QuerySelectorAll("img").Select(i => i.GetAttribute("src")).ToList();
        Assert.Equal([.. Enumerable.Range(0, 3).Select(i => $"/api/v1/report-runs/{id}/charts/{i}.png")], images);
        Assert.All(run.Charts, png => Assert.Equal((ReportRenderer.ChartWidth, ReportRenderer.ChartHeight), ReportFiles.PngSize(png)));

        var (from, to) = (new DateTimeOffset(2026, 10, 26, 0, 0, 0, Seoul), new DateTimeOffset(2026, 11, 2, 0, 0, 0, Seoul));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        var volume = await queries.RunAsync(Kpi.Volume, new ReportQuery(from, to, zone, ReportDimension.Channel), CancellationToken.None);
        var csat = await queries.RunAsync(Kpi.Satisfaction, new ReportQuery(from, to, zone), CancellationToken.None);
        var csv = ReportFiles.ReadCsv(run.Csv!);
        Assert.NotEmpty(volume.Rows);
        foreach (var row in volume.Rows)
        {
            Assert.Equal(row.Values[0], csv[("volume", row.Key, "tickets")]);
        }

        Assert.Equal(csat.Rows[0].Values[5], csv[("csat", "all", "score")]);
    }

    [Fact]
    public async Task Two_nodes_on_postgresql_firing_the_same_schedule_make_one_run()
    {
        await using var server = await PostgresServer.CreateDatabaseAsync();
        await using var first = new PostgreSqlDatabase(server.ConnectionString);
        await using var second = new PostgreSqlDatabase(server.ConnectionString);
        await ReportDataSet.WriteAsync(first, ReportDataSet.Generate(200));
        await new ReportSchedules(first, TimeProvider.System).SaveAsync(Weekly(), CancellationToken.None);

        var made = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(i => Services(i % 2 == 0 ? first : second).Runner.RunAsync("weekly", Monday, CancellationToken.None)));

        Assert.Single(made, id => id is not null);
        Assert.Single(await Services(second).Runs.ListAsync("weekly", CancellationToken.None));
    }
}
