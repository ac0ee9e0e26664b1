using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;
using MimeKit;

namespace HelpDesk.Server.Tests.Email;

/// <summary>
/// A publisher's twelve support mailboxes on the real Dovecot, a hundred messages each, imported by the hub's Quartz
/// polls: one ticket per conversation, replies on their tickets, nothing for auto-replies and bounces, files
/// downloadable, every ticket routed by its mailbox's category and assigned to an online agent, and polling again
/// changes nothing.
/// </summary>
public sealed class MailboxImportTests
{
    private const int Mailboxes = 12;
    private const int NewConversations = 91;
    private const int Replies = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(240);
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4 invoice ");

    [Fact]
    public async Task Twelve_mailboxes_of_a_hundred_messages_become_routed_tickets_exactly_once()
    {
        await MailServer.RequireAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string?>
        {
            // Acknowledgements are another test's subject; here nothing is sent.
            ["HelpDesk:Notifications:Channel"] = "none",
            ["HelpDesk:PluginHost:CallTimeout"] = "00:00:30",
        };
        var addresses = new List<string>();
        for (var i = 0; i < Mailboxes; i++)
        {
            var address = MailServer.NewAddress($"box{i}");
            addresses.Add(address);
            await MailServer.AppendAsync(address, Messages(i, address, run));
            foreach (var (key, value) in EmailHub.Mailbox(i, $"box{i}", address, Tag(run, i), new() { ["Category"] = $"category-{i}" }))
            {
                settings[key] = value;
            }
        }

        await using var app = HelpDeskApp.Sqlite(settings);
        var admin = app.Admin();
        await RoutingAsync(admin);
        FixturePlugins.InstallEmail(app.PluginsDirectory);

        var tickets = new JsonElement[Mailboxes][];
        await Eventually.TrueAsync(
            async () =>
            {
                for (var i = 0; i < Mailboxes; i++)
                {
                    tickets[i] = await ListAsync(admin, Tag(run, i));
                }

                return tickets.All(t => t.Length >= NewConversations && t.All(x => Text(x, "assignee") is not null))
                    && (await RepliesAsync(admin, tickets)) >= Mailboxes * Replies;
            },
            Patience);

        for (var i = 0; i < Mailboxes; i++)
        {
            Assert.Equal(NewConversations, tickets[i].Length);
            Assert.All(tickets[i], t => Assert.Equal($"queue-{i}", Text(t, "queue")));
            Assert.All(tickets[i], t => Assert.Contains(Text(t, "assignee"), new[] { $"agent-{i}a", $"agent-{i}b" }));
            Assert.DoesNotContain(tickets[i], t => t.GetProperty("subject").GetString()!.StartsWith("Out of office", StringComparison.Ordinal));
        }

        Assert.Equal(Mailboxes * Replies, await RepliesAsync(admin, tickets));
        Assert.Contains(tickets[3], t => t.GetProperty("description").GetString() == "プリンターが動きません。 2");
        Assert.Contains(tickets[3], t => t.GetProperty("description").GetString() == "프린터가 작동하지 않습니다. 2");
        await AttachmentIsDownloadableAsync(admin, tickets[5].Single(t => t.GetProperty("subject").GetString() == "Invoice 5-0"), Pdf.Concat("5-0"u8.ToArray()).ToArray());

        // Several more polls of every mailbox: nothing new, nothing repeated.
        var versions = tickets.SelectMany(t => t).Sum(t => t.GetProperty("version").GetInt32());
        await Task.Delay(TimeSpan.FromSeconds(4));
        var again = await Task.WhenAll(Enumerable.Range(0, Mailboxes).Select(i => ListAsync(admin, Tag(run, i))));
        Assert.All(again, t => Assert.Equal(NewConversations, t.Length));
        Assert.Equal(versions, again.SelectMany(t => t).Sum(t => t.GetProperty("version").GetInt32()));
    }

    private static string? Text(JsonElement ticket, string property) =>
        ticket.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Tag(string run, int mailbox) => $"mail-{run}-{mailbox}";

    private static IEnumerable<MimeMessage> Messages(int box, string to, string run)
    {
        var originals = new List<MimeMessage>();
        for (var k = 0; k < 70; k++)
        {
            var plain = Mail($"c{box}-{k}-{run}@customer.test", to, $"Question {box}-{k}");
            plain.Body = new TextPart("plain") { Text = $"Plain question {box}-{k}" };
            originals.Add(plain);
            yield return plain;
        }

        for (var k = 0; k < 10; k++)
        {
            var html = Mail($"h{box}-{k}-{run}@customer.test", to, $"Formatted {box}-{k}");
            html.Body = new TextPart("html") { Text = $"<p>Formatted <b>question</b> {box}-{k}</p>" };
            yield return html;
        }

        for (var k = 0; k < 5; k++)
        {
            var withFile = Mail($"a{box}-{k}-{run}@customer.test", to, $"Invoice {box}-{k}");
            var body = new BodyBuilder { TextBody = $"Invoice attached {box}-{k}" };
            body.Attachments.Add($"invoice-{box}-{k}.pdf", [.. Pdf, .. Encoding.ASCII.GetBytes($"{box}-{k}")], ContentType.Parse("application/pdf"));
            withFile.Body = body.ToMessageBody();
            yield return withFile;
        }

        foreach (var (charset, text, count) in new[] { ("iso-2022-jp", "プリンターが動きません。", 3), ("euc-kr", "프린터가 작동하지 않습니다.", 3) })
        {
            for (var k = 0; k < count; k++)
            {
                var legacy = Mail($"{charset}{box}-{k}-{run}@customer.test", to, $"{charset} {box}-{k}");
                var part = new TextPart("plain");
                part.SetText(charset, $"{text} {k}");
                legacy.Body = part;
                yield return legacy;
            }
        }

        for (var k = 0; k < Replies; k++)
        {
            var reply = Mail($"c{box}-{k}-{run}@customer.test", to, $"Re: Question {box}-{k}");
            reply.Body = new TextPart("plain") { Text = $"More detail {box}-{k}\n\nOn Monday, Support wrote:\n> What happened?" };
            reply.InReplyTo = originals[k].MessageId;
            reply.References.Add(originals[k].MessageId!);
            yield return reply;
        }

        for (var k = 0; k < 2; k++)
        {
            var away = Mail($"c{box}-{k + 10}-{run}@customer.test", to, $"Out of office {box}-{k}");
            away.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
            away.Body = new TextPart("plain") { Text = "Away until Monday." };
            yield return away;

            var bounce = Mail("MAILER-DAEMON@mx.customer.test", to, $"Undelivered Mail Returned to Sender {box}-{k}");
            bounce.Body = new MultipartReport("delivery-status")
            {
                new TextPart("plain") { Text = "Your message could not be delivered." },
                new MimePart("message", "delivery-status") { Content = new MimeContent(new MemoryStream("Reporting-MTA: dns; mx\n\nFinal-Recipient: rfc822; x@y.test\nAction: failed\nStatus: 5.1.1\n"u8.ToArray())) },
            };
            yield return bounce;
        }
    }

    private static MimeMessage Mail(string from, string to, string subject)
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.test") };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }

    private static async Task RoutingAsync(HttpClient admin)
    {
        for (var i = 0; i < Mailboxes; i++)
        {
            foreach (var agent in new[] { $"agent-{i}a", $"agent-{i}b" })
            {
                (await admin.PutAsJsonAsync($"/api/v1/agents/{agent}", new { name = agent, email = $"{agent}@helpdesk.example", languages = new[] { "en" }, capacity = 1000 })).EnsureSuccessStatusCode();
                (await admin.PutAsJsonAsync($"/api/v1/agents/{agent}/presence", new { presence = "online" })).EnsureSuccessStatusCode();
            }

            (await admin.PutAsJsonAsync($"/api/v1/queues/queue-{i}", new { name = $"Queue {i}", members = new[] { $"agent-{i}a", $"agent-{i}b" }, strategy = "round-robin" })).EnsureSuccessStatusCode();
            var rule = new
            {
                name = $"Mailbox category {i} to its queue",
                trigger = "ticket-opened",
                conditions = new object[] { new { field = "category", @operator = "is", value = $"category-{i}" } },
                actions = new object[] { new { type = "set-queue", value = $"queue-{i}" } },
            };
            (await admin.PutAsJsonAsync($"/api/v1/rules/route-category-{i}", rule)).EnsureSuccessStatusCode();
        }
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient admin, string tag) =>
        [.. (await admin.GetJsonAsync($"/api/v1/tickets?tag={tag}&limit=200")).GetProperty("items").EnumerateArray()];

    private static async Task<int> RepliesAsync(HttpClient admin, JsonElement[][] tickets)
    {
        var replies = 0;
        foreach (var ticket in tickets.SelectMany(t => t ?? []).Where(t => t.GetProperty("subject").GetString()!.StartsWith("Question ", StringComparison.Ordinal)))
        {
            var subject = ticket.GetProperty("subject").GetString()!;
            if (int.Parse(subject.Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture) < Replies)
            {
                replies += (await admin.EventsAsync(ticket.GetProperty("number").GetInt64())).Count(e => e.GetProperty("type").GetString() == "customer-replied");
            }
        }

        return replies;
    }

    private static async Task AttachmentIsDownloadableAsync(HttpClient admin, JsonElement ticket, byte[] expected)
    {
        var messages = (await admin.GetJsonAsync($"/api/v1/tickets/{ticket.GetProperty("number").GetInt64()}/messages")).GetProperty("items").EnumerateArray();
        var file = messages.SelectMany(m => m.GetProperty("attachments").EnumerateArray()).Single();
        Assert.Equal("application/pdf", file.GetProperty("contentType").GetString());
        Assert.Equal(expected, await admin.GetByteArrayAsync(file.GetProperty("url").GetString()));
    }
}
