using System.Diagnostics;
using System.Globalization;
using HelpDesk.Core.Notifications;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Data.Sqlite;
using MimeKit;

namespace HelpDesk.Benchmarks;

/// <summary>
/// The email channel on the embedded default: messages already in Dovecot mailboxes (as <c>.ci/start-mail</c> runs it,
/// 127.0.0.1:143, any address with password <c>secret</c>) imported by a child hub's poll tasks, from one mailbox and
/// from twelve at once, timed from the plugin running to the last ticket in the store; then notification rendering
/// (built-in templates, Scriban sandbox) timed per call in process.
/// </summary>
public static class EmailScenario
{
    private const string Password = "secret";

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var one = await ImportAsync(mailboxes: 1, perMailbox: 1_200);
        var twelve = await ImportAsync(mailboxes: 12, perMailbox: 200);
        var (p50, p99, max, renders) = Render();

        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("| import | messages | seconds | messages/s |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var (name, messages, seconds) in new[] { ("one mailbox", one.Messages, one.Seconds), ("twelve mailboxes", twelve.Messages, twelve.Seconds) })
        {
            Console.WriteLine(string.Create(culture, $"| {name} | {messages:N0} | {seconds:0.0} | {messages / seconds:N0} |"));
        }

        Console.WriteLine(string.Create(culture, $"notification render ({renders:N0} renders, ticket-received ko and agent-replied en): p50 {p50:0} µs, p99 {p99:0} µs, max {max:0} µs"));
        return one.Complete && twelve.Complete ? 0 : 1;
    }

    private static async Task<(int Messages, double Seconds, bool Complete)> ImportAsync(int mailboxes, int perMailbox)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string>
        {
            ["HELPDESK__NOTIFICATIONS__CHANNEL"] = "none",
            ["HELPDESK__PLUGINHOST__CALLTIMEOUT"] = "00:01:00",
        };
        for (var i = 0; i < mailboxes; i++)
        {
            var address = $"bench{i}-{run}@helpdesk.test";
            await AppendAsync(address, perMailbox, run);
            var prefix = $"HELPDESK__PLUGINS__EMAIL__MAILBOXES__{i}__";
            settings[prefix + "NAME"] = $"box{i}";
            settings[prefix + "ADDRESS"] = address;
            settings[prefix + "HOST"] = "127.0.0.1";
            settings[prefix + "PORT"] = "143";
            settings[prefix + "SECURITY"] = "none";
            settings[prefix + "USER"] = address;
            settings[prefix + "PASSWORD"] = Password;
            settings[prefix + "POLLINTERVAL"] = "00:00:01";
            settings[prefix + "MAXPERPOLL"] = "500";
        }

        await using var hub = await ChildHub.StartAsync(settings);
        await FixturePluginInstall.InstallAsync(hub, "email");
        var clock = Stopwatch.StartNew();
        var expected = mailboxes * perMailbox;
        long stored = 0;
        while (clock.Elapsed < TimeSpan.FromMinutes(5) && (stored = await TicketsAsync(hub)) < expected)
        {
            await Task.Delay(50);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mailboxes} mailbox(es) × {perMailbox}: {stored:N0} of {expected:N0} tickets in {seconds:0.0} s"));
        await hub.StopAsync();
        return (expected, seconds, stored == expected);
    }

    private static async Task AppendAsync(string address, int count, string run)
    {
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", 143, SecureSocketOptions.None);
        await client.AuthenticateAsync(address, Password);
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
        for (var i = 0; i < count; i++)
        {
            var message = new MimeMessage { Subject = $"Benchmark question {i}", MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customer.test") };
            message.From.Add(new MailboxAddress($"Customer {i}", $"c{i}-{run}@customer.test"));
            message.To.Add(MailboxAddress.Parse(address));
            message.Body = new TextPart("plain") { Text = $"My order {i} has not arrived. Could you check where it is?\n\nThanks,\nCustomer {i}" };
            await client.Inbox.AppendAsync(message, MessageFlags.None);
        }

        await client.DisconnectAsync(true);
    }

    private static (double P50, double P99, double Max, int Renders) Render()
    {
        var templates = NotificationTemplates.BuiltInTemplates.ToList();
        var korean = templates.Single(t => t.Kind == NotificationKind.TicketReceived && t.Language == "ko");
        var english = templates.Single(t => t.Kind == NotificationKind.AgentReplied && t.Language == "en");
        var model = new NotificationModel(1042, "주문 배송 문의", "open", "normal", "https://helpdesk.example.org/tickets/1042", DateTimeOffset.UtcNow, "김민지", "minji@customer.test")
        {
            RecipientLanguage = "ko",
            RecipientTimeZone = "Asia/Seoul",
            MessageBody = "The courier says it arrives tomorrow.",
            MessageAuthor = "Ana",
        };
        for (var i = 0; i < 500; i++)
        {
            NotificationRenderer.Render(i % 2 == 0 ? korean : english, model);
        }

        const int renders = 20_000;
        var times = new double[renders];
        for (var i = 0; i < renders; i++)
        {
            var start = Stopwatch.GetTimestamp();
            NotificationRenderer.Render(i % 2 == 0 ? korean : english, model);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(times);
        return (Percentiles.Of(times, 50), Percentiles.Of(times, 99), times[^1], renders);
    }

    private static async Task<long> TicketsAsync(ChildHub hub)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(hub.DataDirectory, "helpdesk.db")};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM tickets WHERE channel = 'email'";
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
    }
}
