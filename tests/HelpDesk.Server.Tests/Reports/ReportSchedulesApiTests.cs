using System.Net;
using System.Net.Http.Json;
using HelpDesk.Server.Tests.Infrastructure;

namespace HelpDesk.Server.Tests.Reports;

/// <summary>Report schedules over HTTP: checked at save, run on demand, and the archive serving HTML, CSV and charts.</summary>
public sealed class ReportSchedulesApiTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static object Schedule(string cron = "0 0 8 ? * MON", string timeZone = "Asia/Seoul", string kpi = "volume", string filter = "queue") => new
    {
        name = "Weekly summary",
        kpis = new object[] { new { kpi, groupBy = "channel" }, new { kpi = "backlog" } },
        cron,
        timeZone,
        recipients = new[] { new { email = "lead@example.com", language = "ko" } },
        filters = new Dictionary<string, string[]> { [filter] = ["billing"] },
    };

    [Fact]
    public async Task A_schedule_is_saved_run_on_demand_and_its_run_served_from_the_archive()
    {
        var admin = hub.App.Admin();
        await admin.CreateTicketNumberAsync();

        var saved = await ProblemAssert.IsSuccessAsync(await admin.PutAsJsonAsync("/api/v1/report-schedules/weekly-api", Schedule(), Token), HttpStatusCode.Created);
        var run = await ProblemAssert.IsSuccessAsync(await admin.PostAsync("/api/v1/report-schedules/weekly-api/runs", null, Token), HttpStatusCode.Created);

        Assert.Equal("Asia/Seoul", saved.GetProperty("timeZone").GetString());
        Assert.Equal("billing", saved.GetProperty("filters").GetProperty("queue")[0].GetString());
        var url = run.GetProperty("url").GetString()!;
        var summary = await admin.GetJsonAsync(url);
        Assert.Equal("done", summary.GetProperty("status").GetString());
        using var html = await admin.GetAsync($"{url}/html?language=ko", Token);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync(Token);
        Assert.Contains("보고서", page, StringComparison.Ordinal);
        Assert.Contains("필터: queue: billing", page, StringComparison.Ordinal);
        using var csv = await admin.GetAsync($"{url}/csv", Token);
        Assert.StartsWith("kpi,groupBy,key,column,value", await csv.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        using var chart = await admin.GetAsync($"{url}/charts/1.png", Token);
        Assert.Equal(("image/png", 0x89), (chart.Content.Headers.ContentType?.MediaType, (int)(await chart.Content.ReadAsByteArrayAsync(Token))[0]));
        Assert.Single((await admin.GetJsonAsync("/api/v1/report-runs?schedule=weekly-api")).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("every monday", "Asia/Seoul", "volume", "cron")]
    [InlineData("0 0 8 ? * MON", "Seoul", "volume", "timeZone")]
    [InlineData("0 0 8 ? * MON", "Asia/Seoul", "happiness", "kpis[0].kpi")]
    [InlineData("0 0 8 ? * MON", "Asia/Seoul", "volume", "filters.weekday")]
    public async Task A_bad_schedule_is_a_400_naming_the_field_and_nothing_is_saved(string cron, string timeZone, string kpi, string field)
    {
        var admin = hub.App.Admin();
        var filter = field.StartsWith("filters.", StringComparison.Ordinal) ? field["filters.".Length..] : "queue";

        await ProblemAssert.IsProblemAsync(admin.PutAsJsonAsync("/api/v1/report-schedules/bad", Schedule(cron, timeZone, kpi, filter), Token), HttpStatusCode.BadRequest, field);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/report-schedules/bad", Token)).StatusCode);
    }
}
