using System.Text.Json;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;
using MimeKit;

namespace HelpDesk.Server.Tests.Durability;

/// <summary>SIGKILL while a mailbox is being imported: after restart every message is a ticket, none twice.</summary>
public sealed class MailboxCrashTests
{
    private const int Messages = 400;

    [Fact]
    public async Task Killing_the_hub_mid_poll_loses_no_message_and_imports_none_twice()
    {
        await MailServer.RequireAsync();
        using var data = new TempDirectory();
        var plugins = Path.Combine(data.Path, "plugins");
        FixturePlugins.InstallEmail(plugins);
        var address = MailServer.NewAddress("crash");
        var tag = $"crash-{Guid.NewGuid():N}"[..20];
        await MailServer.AppendAsync(address, Enumerable.Range(0, Messages).Select(i =>
        {
            var message = new MimeMessage { Subject = $"Crash question {i}", MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.test") };
            message.From.Add(MailboxAddress.Parse($"crash{i}@customer.test"));
            message.To.Add(MailboxAddress.Parse(address));
            // A few in the legacy charsets Japanese and Korean clients send: the hub process decodes them on its own.
            var body = new TextPart("plain");
            body.SetText(i == 1 ? "iso-2022-jp" : i == 2 ? "euc-kr" : "utf-8", i == 1 ? "プリンターが動きません。" : i == 2 ? "프린터가 작동하지 않습니다." : $"Question {i}");
            message.Body = body;
            return message;
        }));
        var environment = new Dictionary<string, string>
        {
            ["HELPDESK__PLUGINSDIRECTORY"] = plugins,
            ["HELPDESK__NOTIFICATIONS__CHANNEL"] = "none",
            ["HELPDESK__PLUGINS__EMAIL__MAILBOXES__0__NAME"] = "crash",
            ["HELPDESK__PLUGINS__EMAIL__MAILBOXES__0__ADDRESS"] = address,
            ["HELPDESK__PLUGINS__EMAIL__MAILBOXES__0__HOST"] = MailServer.Imap.Host,
            ["HELPDESK__PLUGINS__EMAIL__MAILBOXES__0__PORT"] = MailServer.Imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HELPDESK__PLUGINS__EMAIL__MAILBOXES__0__SECURITY"] = "none",
            ["HELPDESK__PLUGINS__EMAIL__MAILBOXES__0__USER"] = address,
            ["HELPDESK__PLUGINS__EMAIL__MAILBOXES__0__PASSWORD"] = MailServer.Password,
            ["HELPDESK__PLUGINS__EMAIL__MAILBOXES__0__POLLINTERVAL"] = "00:00:01",
            ["HELPDESK__PLUGINS__EMAIL__MAILBOXES__0__TAGS__0"] = tag,
        };

        int before;
        await using (var hub = await HubProcess.StartAsync(Path.Combine(data.Path, "db"), environment))
        {
            using var admin = hub.Admin();
            var seen = 0;
            await Eventually.TrueAsync(async () => (seen = (await ListAsync(admin, tag)).Count) >= 20, TimeSpan.FromSeconds(60));
            await hub.KillAsync();
            before = seen;
        }

        await using var restarted = await HubProcess.StartAsync(Path.Combine(data.Path, "db"), environment);
        using var client = restarted.Admin();
        List<JsonElement> tickets = [];
        await Eventually.TrueAsync(async () => (tickets = await ListAsync(client, tag)).Count >= Messages, TimeSpan.FromSeconds(120));
        await Task.Delay(TimeSpan.FromSeconds(3));
        tickets = await ListAsync(client, tag);

        Assert.True(before < Messages, $"The kill came after the import had finished ({before} tickets).");
        Assert.Equal(Messages, tickets.Count);
        Assert.Equal(Enumerable.Range(0, Messages).Select(i => $"Crash question {i}").ToHashSet(), tickets.Select(t => t.GetProperty("subject").GetString()!).ToHashSet());
        Assert.Equal("プリンターが動きません。", tickets.Single(t => t.GetProperty("subject").GetString() == "Crash question 1").GetProperty("description").GetString());
        Assert.Equal("프린터가 작동하지 않습니다.", tickets.Single(t => t.GetProperty("subject").GetString() == "Crash question 2").GetProperty("description").GetString());
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient admin, string tag)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await admin.GetJsonAsync($"/api/v1/tickets?tag={tag}&limit=200" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            all.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return all;
    }
}
