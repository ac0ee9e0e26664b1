using AngleSharp.Html.Parser;
using HelpDesk.Core.Reports;
using HelpDesk.Core.Storage;
using HelpDesk.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelpDesk.Core.Tests.Reports;

/// <summary>A finished run's mail: a page per language showing its charts by cid:, and one delivery per recipient, claimed and retried in the store.</summary>
public sealed class ScheduledReportMailTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 8, 0, 0, TimeSpan.FromHours(9));

    private static ReportSchedule Weekly() => new(
        "weekly", "Weekly summary", [new ReportScheduleKpi("volume", "channel"), new ReportScheduleKpi("backlog")],
        "0 0 8 ? * MON", "Asia/Seoul",
        [new ReportRecipient("lead@example.com", "ko-KR"), new ReportRecipient("cto@example.com"), new ReportRecipient("LEAD@example.com", "ko-KR")])
    {
        CreatedAt = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private static async Task<string> RunAsync(Database database)
    {
        await ReportDataSet.WriteAsync(database, ReportDataSet.Generate(300));
        var schedules = new ReportSchedules(database, TimeProvider.System);
        await schedules.SaveAsync(Weekly(), CancellationToken.None);
        var runner = new ReportRunner(schedules, new ReportRuns(database, TimeProvider.System), new ReportQueries(database), TimeProvider.System, NullLogger<ReportRunner>.Instance);
        return (await runner.RunAsync("weekly", Monday, CancellationToken.None))!;
    }

    [Fact]
    public async Task A_finished_run_keeps_a_mail_per_language_and_one_pending_delivery_per_address()
    {
        using var directory = new TempDirectory();
        await using var database = SqliteDatabase.InDirectory(directory.Path);

        var id = await RunAsync(database);

        var run = (await new ReportRuns(database, TimeProvider.System).GetAsync(id, CancellationToken.None))!;
        var deliveries = await new ReportDeliveries(database).ListAsync(id, CancellationToken.None);
        Assert.Equal([("cto@example.com", "en"), ("lead@example.com", "ko-KR")], deliveries.Select(d => (d.Email, d.Language)));
        Assert.All(deliveries, d => Assert.Equal((ReportDelivery.Pending, 0), (d.Status, d.Attempts)));
        Assert.Equal(2, deliveries.Select(d => d.MessageId).Distinct().Count());
        Assert.Equal(deliveries.Select(d => d.MessageId), ReportDelivery.For(id, Weekly().Recipients, Monday).OrderBy(d => d.Email).Select(d => d.MessageId));

        var korean = run.Mail["ko-KR"];
        Assert.Equal("보고서: Weekly summary (2026. 10. 26. – 2026. 11. 1.)", korean.Subject);
        var page = await new HtmlParser().ParseDocumentAsync(korean.Html);
        Assert.Equal("ko-KR", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(
            [.. Enumerable.Range(0, 2).Select(n => $"cid:{ReportRunLinks.ChartContentId(id, n)}")],
            page.QuerySelectorAll("img").Select(i => i.GetAttribute("src")));
        Assert.Contains("volume (tickets)", korean.Text, StringComparison.Ordinal);
        Assert.StartsWith("Report: Weekly summary", run.Mail["en"].Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_is_claimed_by_one_attempt_at_a_time_waits_out_its_backoff_and_is_done_once_sent()
    {
        using var directory = new TempDirectory();
        await using var database = SqliteDatabase.InDirectory(directory.Path);
        var store = new ReportDeliveries(database);
        var id = await RunAsync(database);
        var now = DateTimeOffset.UtcNow;
        var delivery = (await store.DueAsync(now, 10, CancellationToken.None)).First(d => d.RunId == id);

        var first = await store.ClaimAsync(delivery, now, now.AddMinutes(5), CancellationToken.None);
        var second = await store.ClaimAsync(delivery, now, now.AddMinutes(5), CancellationToken.None);
        await store.FailedAsync(delivery, "SMTP server down", now.AddSeconds(30), CancellationToken.None);

        Assert.Equal((true, false), (first, second));
        Assert.DoesNotContain(await store.DueAsync(now, 10, CancellationToken.None), d => d.Email == delivery.Email);
        var retried = Assert.Single(await store.DueAsync(now.AddSeconds(30), 10, CancellationToken.None), d => d.Email == delivery.Email);
        Assert.Equal((ReportDelivery.Pending, 1, "SMTP server down"), (retried.Status, retried.Attempts, retried.Error));

        Assert.True(await store.ClaimAsync(retried, now.AddSeconds(30), now.AddMinutes(5), CancellationToken.None));
        await store.SentAsync(retried, now.AddSeconds(31), CancellationToken.None);
        var sent = (await store.ListAsync(id, CancellationToken.None)).Single(d => d.Email == delivery.Email);
        Assert.Equal((ReportDelivery.Sent, 2, (string?)null), (sent.Status, sent.Attempts, sent.Error));
        Assert.False(await store.ClaimAsync(sent, now.AddHours(1), now.AddHours(2), CancellationToken.None));
    }
}
