using HelpDesk.Connectors.Email.Inbound;
using HelpDesk.Sdk.Testing;
using HelpDesk.Sdk.Tickets;
using HelpDesk.TestSupport;
using MailKit;
using MailKit.Search;

namespace HelpDesk.Connectors.Email.Tests;

/// <summary>Polling a real Dovecot mailbox: each message imported once, the position kept, processed mail flagged or moved.</summary>
public sealed class MailboxPollerTests
{
    [Fact]
    public async Task A_poll_imports_each_message_flags_it_and_a_second_poll_changes_nothing()
    {
        await MailServer.RequireAsync();
        var address = MailServer.NewAddress("help");
        var original = Mails.Plain("ada@customer.test", address, "Printer jams", "It jams.");
        await MailServer.AppendAsync(address, [
            original,
            Mails.Plain("ada@customer.test", address, "Re: Printer jams", "Still jams.", references: [original.MessageId!]),
            Mails.AutoReply("bob@customer.test", address, "Printer"),
            Mails.InCharset("min@customer.test", address, "프린터", "프린터가 작동하지 않습니다.", "euc-kr"),
        ]);
        await using var harness = EmailHarness.For(EmailHarness.Mailbox(0, "help", address));

        var first = await harness.Poller("help").PollAsync(default);
        var second = await harness.Poller("help").PollAsync(default);

        Assert.Equal((4, 0), (first, second));
        var opened = harness.Api.CallsTo("OpenTicketAsync").Select(c => (NewTicket)c.Arguments[0]!).ToList();
        Assert.Equal(["Printer jams", "프린터"], opened.Select(t => t.Subject));
        Assert.Equal("Still jams.", Assert.Single(harness.Api.Messages).Body);
        Assert.Equal(4, await CountAsync(address, SearchQuery.HasKeyword(MailboxPoller.ImportedKeyword)));
        Assert.StartsWith($"{await UidValidityAsync(address)}:", harness.State.Values[MailboxCheckpoint.Key("help")], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_poll_that_dies_midway_resumes_without_losing_or_repeating_a_message()
    {
        await MailServer.RequireAsync();
        var address = MailServer.NewAddress("crash");
        await MailServer.AppendAsync(address, Enumerable.Range(1, 10).Select(i => Mails.Plain($"c{i}@customer.test", address, $"Question {i}", $"Text {i}")));
        var state = new MemoryPluginState();
        var hub = new RecordingHelpDeskApi();

        // The hub "crashes" on the sixth ticket: the run dies there, as a killed process would.
        await using (var dying = EmailHarness.For(EmailHarness.Mailbox(0, "crash", address), state))
        {
            var failing = FailingAfter.Wrap(hub, opens: 5);
            var poller = new MailboxPoller(dying.MailboxOptions(), new MailImporter(failing, dying.Options(), new SenderRateLimit(100, TimeSpan.FromHours(1), TimeProvider.System), new MailAttachments(failing, 1 << 20)), failing, state, Microsoft.Extensions.Logging.Abstractions.NullLogger<MailboxPoller>.Instance);
            await Assert.ThrowsAsync<IOException>(() => poller.PollAsync(default));
        }

        await using var restarted = EmailHarness.For(EmailHarness.Mailbox(0, "crash", address), state);
        var resumed = new MailboxPoller(restarted.MailboxOptions(), new MailImporter(hub, restarted.Options(), new SenderRateLimit(100, TimeSpan.FromHours(1), TimeProvider.System), new MailAttachments(hub, 1 << 20)), hub, state, Microsoft.Extensions.Logging.Abstractions.NullLogger<MailboxPoller>.Instance);
        await resumed.PollAsync(default);

        var tickets = (await Task.WhenAll(Enumerable.Range(1, 12).Select(n => hub.GetTicketAsync(n, default)))).OfType<TicketSnapshot>().ToList();
        Assert.Equal(10, tickets.Count);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"Question {i}").ToHashSet(), tickets.Select(t => t.Subject).ToHashSet());
    }

    [Fact]
    public async Task With_idle_a_message_is_imported_as_it_arrives_not_at_the_next_poll()
    {
        await MailServer.RequireAsync();
        var address = MailServer.NewAddress("idle");
        await using var harness = EmailHarness.For(EmailHarness.Mailbox(0, "idle", address, new() { ["PollInterval"] = "00:30:00" }));
        await harness.Poller("idle").RunAsync(new Sdk.Capabilities.ScheduledTaskContext("poll:idle", DateTimeOffset.UtcNow, null), default);
        await Task.Delay(TimeSpan.FromSeconds(1));

        await MailServer.AppendAsync(address, [Mails.Plain("ada@customer.test", address, "Right now", "Urgent.")]);

        await Eventually.TrueAsync(() => harness.Api.CallsTo("OpenTicketAsync").Count == 1, TimeSpan.FromSeconds(10));
        Assert.Equal("Right now", ((NewTicket)harness.Api.CallsTo("OpenTicketAsync")[0].Arguments[0]!).Subject);
    }

    [Fact]
    public async Task A_sender_past_the_limit_is_held_and_reported_however_long_its_address()
    {
        await MailServer.RequireAsync();
        var address = MailServer.NewAddress("held");
        var robot = $"{new string('r', 180)}@system.test";
        await MailServer.AppendAsync(address, [Mails.Plain(robot, address, "Alert 1", "Disk"), Mails.Plain(robot, address, "Alert 2", "Disk")]);
        await using var harness = EmailHarness.For(EmailHarness.Merge(EmailHarness.Mailbox(0, "held", address), new() { ["SenderLimit"] = "1" }));

        await harness.Poller("held").PollAsync(default);

        Assert.Single(harness.Api.CallsTo("OpenTicketAsync"));
        Assert.Contains(robot, Assert.Single(harness.State.Problems, p => p.Key.StartsWith("held:held:", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(address, SearchQuery.HasKeyword(MailboxPoller.HeldKeyword)));
    }

    [Fact]
    public async Task Processed_mail_is_moved_to_the_configured_folder()
    {
        await MailServer.RequireAsync();
        var address = MailServer.NewAddress("move");
        using (var client = await MailServer.ConnectAsync(address))
        {
            await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync("Imported", isMessageFolder: true);
        }

        await MailServer.AppendAsync(address, [Mails.Plain("ada@customer.test", address, "Hello", "Hi")]);
        await using var harness = EmailHarness.For(EmailHarness.Mailbox(0, "move", address, new() { ["ProcessedFolder"] = "Imported" }));

        await harness.Poller("move").PollAsync(default);

        Assert.Equal(0, await CountAsync(address, SearchQuery.All));
        Assert.Equal(1, await CountAsync(address, SearchQuery.All, "Imported"));
    }

    [Fact]
    public async Task A_mailbox_that_cannot_be_reached_is_reported_on_the_admin_status_and_cleared_when_it_works()
    {
        await MailServer.RequireAsync();
        var address = MailServer.NewAddress("status");
        var nobodyListens = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var broken = EmailHarness.For(EmailHarness.Mailbox(0, "status", address, new() { ["Port"] = nobodyListens }));

        await Assert.ThrowsAnyAsync<Exception>(() => broken.Poller("status").RunAsync(new Sdk.Capabilities.ScheduledTaskContext("poll:status", DateTimeOffset.UtcNow, null), default));
        Assert.Contains("could not be polled", broken.State.Problems["mailbox:status"], StringComparison.Ordinal);
        Assert.DoesNotContain(MailServer.Password, broken.State.Problems["mailbox:status"], StringComparison.Ordinal);

        await using var fixedUp = EmailHarness.For(EmailHarness.Mailbox(0, "status", address), broken.State);
        await fixedUp.Poller("status").RunAsync(new Sdk.Capabilities.ScheduledTaskContext("poll:status", DateTimeOffset.UtcNow, null), default);
        Assert.False(fixedUp.State.Problems.ContainsKey("mailbox:status"));
    }

    private static async Task<int> CountAsync(string address, SearchQuery query, string? folder = null)
    {
        using var client = await MailServer.ConnectAsync(address);
        var box = folder is null ? client.Inbox : await client.GetFolderAsync(folder);
        await box.OpenAsync(FolderAccess.ReadOnly);
        return (await box.SearchAsync(query)).Count;
    }

    private static async Task<uint> UidValidityAsync(string address)
    {
        using var client = await MailServer.ConnectAsync(address);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        return client.Inbox.UidValidity;
    }
}
