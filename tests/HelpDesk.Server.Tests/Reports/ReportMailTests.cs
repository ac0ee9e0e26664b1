using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using HelpDesk.Core.Reports;
using HelpDesk.Server.Tests.Email;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace HelpDesk.Server.Tests.Reports;

/// <summary>
/// Scheduled reports through the real email plugin and Postfix: each recipient gets their language's page with the
/// charts inline and the CSV attached, the run shows each delivery, and an SMTP outage delays the mail without doubling it.
/// </summary>
public sealed class ReportMailTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_run_arrives_by_mail_in_each_recipients_language_with_inline_png_charts_and_a_csv_of_the_kpis()
    {
        await MailServer.RequireAsync();
        var (korean, english) = (MailServer.NewAddress("lead", "example.test"), MailServer.NewAddress("cto", "example.test"));
        await using var app = await EmailHub.StartAsync(Settings(MailServer.Smtp.Port));
        var admin = app.Admin();
        await admin.CreateTicketNumberAsync(new { subject = "Phone", description = "d", requester = new { email = "r1@example.com" }, channel = "phone" });
        await admin.CreateTicketNumberAsync(new { subject = "Mail 1", description = "d", requester = new { email = "r2@example.com" }, channel = "email" });
        await admin.CreateTicketNumberAsync(new { subject = "Mail 2", description = "d", requester = new { email = "r3@example.com" }, channel = "email" });

        var (run, due) = await RunTodayAsync(app, admin, "daily-mail", (korean, "ko"), (english, null));

        var koMail = Assert.Single(await MailServer.WaitForInboxAsync(korean, 1, Patience));
        var enMail = Assert.Single(await MailServer.WaitForInboxAsync(english, 1, Patience));
        Assert.StartsWith("보고서: Daily summary (", koMail.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Report: Daily summary (", enMail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("[#", koMail.Subject, StringComparison.Ordinal);
        Assert.Null(koMail.Headers["X-HelpDesk-Ticket"]);
        Assert.Equal("auto-replied", koMail.Headers[HeaderId.AutoSubmitted]);

        var koPage = await new HtmlParser().ParseDocumentAsync(koMail.HtmlBody!);
        var enPage = await new HtmlParser().ParseDocumentAsync(enMail.HtmlBody!);
        Assert.Equal(("ko", "en"), (koPage.DocumentElement.GetAttribute("lang"), enPage.DocumentElement.GetAttribute("lang")));
        Assert.StartsWith("보고서", koPage.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Report", enPage.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var sources = koPage.QuerySelectorAll("img").Select(i => i.GetAttribute("src")!).ToList();
        Assert.Equal(2, sources.Count);
        for (var n = 0; n < sources.Count; n++)
        {
            Assert.StartsWith("cid:", sources[n], StringComparison.Ordinal);
            var inline = koMail.BodyParts.OfType<MimePart>().Single(p => p.ContentId == sources[n]["cid:".Length..]);
            var png = await DecodeAsync(inline);
            Assert.Equal((640, 360), ReportFiles.PngSize(png));
            Assert.Equal(await admin.GetByteArrayAsync($"/api/v1/report-runs/{run}/charts/{n}.png", Token), png);
        }

        var csv = Encoding.UTF8.GetString(await DecodeAsync(koMail.Attachments.OfType<MimePart>().Single(p => p.FileName?.EndsWith(".csv", StringComparison.Ordinal) == true)));
        var values = ReportFiles.ReadCsv(csv);
        var (from, to) = (new DateTimeOffset(DateTime.SpecifyKind(due.Date.AddDays(-1), DateTimeKind.Unspecified), due.Offset), new DateTimeOffset(due.Date, due.Offset));
        var expected = (await KpiAsync(admin, "volume", from, to, "channel")).Concat(await KpiAsync(admin, "backlog", from, to, null)).ToDictionary();
        Assert.Equal(3.0, (expected[("volume", "email", "tickets")] ?? 0) + (expected[("volume", "phone", "tickets")] ?? 0));
        Assert.Equal(expected.OrderBy(e => e.Key), values.OrderBy(e => e.Key));
        Assert.Equal(csv, await admin.GetStringAsync($"/api/v1/report-runs/{run}/csv", Token));

        await Eventually.TrueAsync(async () => (await DeliveriesAsync(admin, run)).All(d => d.GetProperty("status").GetString() == "sent"), Patience);
        var deliveries = await DeliveriesAsync(admin, run);
        Assert.Equal(new[] { english, korean }.Order(StringComparer.Ordinal), deliveries.Select(d => d.GetProperty("email").GetString()!).Order(StringComparer.Ordinal));
        Assert.Contains(deliveries, d => d.GetProperty("email").GetString() == korean && d.GetProperty("messageId").GetString() == $"<{koMail.MessageId}>");
    }

    [Fact]
    public async Task A_report_mail_the_smtp_server_cannot_take_is_retried_and_arrives_once()
    {
        await MailServer.RequireAsync();
        var lead = MailServer.NewAddress("lead", "example.test");
        await using var relay = new TcpRelay(MailServer.Smtp.Host, MailServer.Smtp.Port);
        await using var app = await EmailHub.StartAsync(Settings(relay.Port));
        var admin = app.Admin();
        await relay.StopAsync();

        var (run, _) = await RunTodayAsync(app, admin, "daily-outage", (lead, "ko"));

        // Several attempts fail while the server is away; the delivery stays pending with the reason.
        await Eventually.TrueAsync(async () => Assert.Single(await DeliveriesAsync(admin, run)).GetProperty("attempts").GetInt32() >= 2, Patience);
        var waiting = Assert.Single(await DeliveriesAsync(admin, run));
        Assert.Equal("pending", waiting.GetProperty("status").GetString());
        Assert.Contains("cannot", waiting.GetProperty("lastError").GetString(), StringComparison.Ordinal);

        relay.Start();
        await Eventually.TrueAsync(async () => Assert.Single(await DeliveriesAsync(admin, run)).GetProperty("status").GetString() == "sent", Patience);
        await Task.Delay(TimeSpan.FromSeconds(3), Token);
        var received = Assert.Single(await MailServer.WaitForInboxAsync(lead, 2, TimeSpan.FromSeconds(2)));
        Assert.StartsWith("보고서", received.Subject, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(int smtpPort)
    {
        var settings = EmailHub.Smtp(smtpPort);
        settings["HelpDesk:Reports:Delivery:CheckInterval"] = "00:00:01";
        settings["HelpDesk:Reports:Delivery:FirstRetryDelay"] = "00:00:00.200";
        settings["HelpDesk:Reports:Delivery:MaxRetryDelay"] = "00:00:00.500";
        return settings;
    }

    /// <summary>Saves a daily schedule (previous day, Seoul) and makes its run due tomorrow 08:00, so it covers today's tickets.</summary>
    private static async Task<(string Run, DateTimeOffset Due)> RunTodayAsync(HelpDeskApp app, HttpClient admin, string id, params (string Email, string? Language)[] recipients)
    {
        var schedule = new
        {
            name = "Daily summary",
            kpis = new object[] { new { kpi = "volume", groupBy = "channel" }, new { kpi = "backlog" } },
            cron = "0 0 8 * * ?",
            timeZone = "Asia/Seoul",
            period = "previous-day",
            recipients = recipients.Select(r => new { email = r.Email, language = r.Language }),
        };
        await ProblemAssert.IsSuccessAsync(await admin.PutAsJsonAsync($"/api/v1/report-schedules/{id}", schedule, Token), HttpStatusCode.Created);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Seoul);
        var due = new DateTimeOffset(today.Date.AddDays(1).AddHours(8), today.Offset);
        var run = await app.Services.GetRequiredService<ReportRunner>().RunAsync(id, due, Token);
        Assert.Equal("done", (await admin.GetJsonAsync($"/api/v1/report-runs/{run}")).GetProperty("status").GetString());
        return (run!, due);
    }

    private static async Task<JsonElement[]> DeliveriesAsync(HttpClient admin, string run) =>
        [.. (await admin.GetJsonAsync($"/api/v1/report-runs/{run}")).GetProperty("deliveries").EnumerateArray()];

    private static async Task<IEnumerable<KeyValuePair<(string Kpi, string Key, string Column), double?>>> KpiAsync(
        HttpClient admin, string kpi, DateTimeOffset from, DateTimeOffset to, string? groupBy)
    {
        var query = $"from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}&timeZone=Asia/Seoul";
        var report = await admin.GetJsonAsync($"/api/v1/reports/{kpi}?{query}{(groupBy is null ? "" : $"&groupBy={groupBy}")}");
        return report.GetProperty("rows").EnumerateArray().SelectMany(row => row.GetProperty("values").EnumerateObject().Select(value =>
            KeyValuePair.Create((kpi, row.GetProperty("key").GetString()!, value.Name), value.Value.ValueKind == JsonValueKind.Null ? (double?)null : value.Value.GetDouble())));
    }

    private static async Task<byte[]> DecodeAsync(MimePart part)
    {
        using var content = new MemoryStream();
        await part.Content!.DecodeToAsync(content);
        return content.ToArray();
    }
}
