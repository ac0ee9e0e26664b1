using HelpDesk.Connectors.Email.Inbound;
using HelpDesk.Sdk.Testing;
using HelpDesk.Sdk.Tickets;
using MimeKit;

namespace HelpDesk.Connectors.Email.Tests;

/// <summary>The importer against the SDK's in-memory hub: what a message becomes, and that doing it twice changes nothing.</summary>
public sealed class MailImporterTests : IAsyncDisposable
{
    private const string Sales = "sales@helpdesk.test";
    private readonly Sdk.Testing.PluginHarness<Hosting.EmailPlugin> _harness = EmailHarness.For(EmailHarness.Merge(
        EmailHarness.Mailbox(0, "sales", Sales, new() { ["Queue"] = "sales", ["Category"] = "orders", ["Tags:0"] = "sales", ["Language"] = "ko", ["Brand"] = "Books" }),
        EmailHarness.Smtp()));

    private RecordingHelpDeskApi Hub => _harness.Api;

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task A_new_message_opens_one_ticket_with_the_mailboxs_defaults_and_again_changes_nothing()
    {
        var message = Mails.Plain("Ada Lovelace <ada@customer.test>", Sales, "Order 1042 is late", "Where is my order?");
        message.Cc.Add(MailboxAddress.Parse("bob@customer.test"));
        message.Cc.Add(MailboxAddress.Parse("support@helpdesk.test"));

        var first = await ImportAsync(message);
        var second = await ImportAsync(message);

        Assert.Equal((ImportOutcome.Opened, ImportOutcome.Opened), (first, second));
        var ticket = Assert.Single(Hub.CallsTo("OpenTicketAsync").Select(c => (NewTicket)c.Arguments[0]!).DistinctBy(t => t.ExternalId));
        Assert.Single(await Hub.FindByExternalIdAsync(MailThreading.Bracketed(message.MessageId!), default));
        Assert.Equal(("Order 1042 is late", "Where is my order?", "ada@customer.test", "Ada Lovelace", "ko"), (ticket.Subject, ticket.Description, ticket.Requester.Email, ticket.Requester.Name, ticket.Requester.Language));
        Assert.Equal((TicketChannel.Email, "sales", "orders"), (ticket.Channel, ticket.Queue, ticket.Category));
        Assert.Equal(["sales"], ticket.Tags);
        Assert.Equal("sales", ticket.Fields["mailbox"]);
        Assert.Equal("Books", ticket.Fields["brand"]);
        Assert.Equal(["bob@customer.test"], ticket.Cc);
    }

    [Fact]
    public async Task A_reply_lands_on_its_ticket_by_its_references_with_the_quote_trimmed_and_only_once()
    {
        var original = Mails.Plain("ada@customer.test", Sales, "Printer jams", "It jams on page 2.");
        await ImportAsync(original);
        var reply = Mails.Plain("ada@customer.test", Sales, "Re: Printer jams", "Still jams.\n\nOn Mon, Support wrote:\n> Try again.", inReplyTo: "unknown@elsewhere.test", references: [original.MessageId!]);

        var outcomes = new[] { await ImportAsync(reply), await ImportAsync(reply) };

        Assert.All(outcomes, o => Assert.Equal(ImportOutcome.Replied, o));
        var added = Assert.Single(Hub.Messages);
        Assert.Equal((1L, "Still jams.", MailThreading.Bracketed(reply.MessageId!)), (added.Ticket, added.Body, added.MessageId));
    }

    [Fact]
    public async Task A_reply_with_the_ticket_number_in_its_subject_lands_on_it_and_a_colleague_writes_as_themselves()
    {
        await ImportAsync(Mails.Plain("ada@customer.test", Sales, "Printer jams", "It jams."));
        var fromColleague = Mails.Plain("Bob <bob@customer.test>", Sales, "RE: [#1] Printer jams", "Same here.");

        Assert.Equal(ImportOutcome.Replied, await ImportAsync(fromColleague));
        Assert.Equal("bob@customer.test", Assert.Single(Hub.Messages).Inbound!.From!.Email);
    }

    [Fact]
    public async Task The_same_subject_without_our_tag_opens_a_new_ticket()
    {
        await ImportAsync(Mails.Plain("ada@customer.test", Sales, "Printer jams", "It jams."));
        await ImportAsync(Mails.Plain("carl@other.test", Sales, "Printer jams", "Mine too."));

        Assert.Equal(2, Hub.CallsTo("OpenTicketAsync").Count);
        Assert.Empty(Hub.Messages);
    }

    [Fact]
    public async Task Auto_replies_and_bounces_open_nothing()
    {
        Assert.Equal(ImportOutcome.Noise, await ImportAsync(Mails.AutoReply("ada@customer.test", Sales, "Printer")));
        Assert.Equal(ImportOutcome.Noise, await ImportAsync(Mails.Bounce(Sales, "Printer")));

        Assert.Empty(Hub.CallsTo("OpenTicketAsync"));
    }

    [Fact]
    public async Task An_answer_to_a_closed_ticket_opens_a_follow_up_naming_it()
    {
        var original = Mails.Plain("ada@customer.test", Sales, "Printer jams", "It jams.");
        await ImportAsync(original);
        await Hub.ChangeStatusAsync(1, TicketStatus.Solved, default);
        await Hub.ChangeStatusAsync(1, TicketStatus.Closed, default);

        var outcome = await ImportAsync(Mails.Plain("ada@customer.test", Sales, "Re: Printer jams", "It is back.", references: [original.MessageId!]));

        Assert.Equal(ImportOutcome.Opened, outcome);
        var followUp = (NewTicket)Hub.CallsTo("OpenTicketAsync")[^1].Arguments[0]!;
        Assert.Equal("1", followUp.Fields["follow_up_of"]);
    }

    [Theory]
    [InlineData("iso-2022-jp", "プリンターが動きません。")]
    [InlineData("euc-kr", "프린터가 작동하지 않습니다.")]
    public async Task Legacy_charsets_are_decoded(string charset, string text)
    {
        await ImportAsync(Mails.InCharset("yuki@customer.test", Sales, "Printer", text, charset));

        Assert.Equal(text, ((NewTicket)Assert.Single(Hub.CallsTo("OpenTicketAsync")).Arguments[0]!).Description);
    }

    [Fact]
    public async Task Html_only_mail_gets_a_text_and_keeps_its_html_and_attachments_are_stored_by_content()
    {
        var pdf = "%PDF-1.4 invoice"u8.ToArray();
        await ImportAsync(Mails.Html("ada@customer.test", Sales, "Invoice", "<p>Hello,</p><p>the <b>invoice</b> is wrong.</p><script>alert(1)</script>"));
        await ImportAsync(Mails.WithAttachment("ada@customer.test", Sales, "Invoice attached", "See attached.", "invoice.pdf", pdf));

        var opened = Hub.CallsTo("OpenTicketAsync").Select(c => (NewTicket)c.Arguments[0]!).ToList();
        Assert.Equal("Hello,\n\nthe invoice is wrong.", opened[0].Description);
        Assert.Contains("<b>invoice</b>", opened[0].HtmlDescription, StringComparison.Ordinal);
        var file = Assert.Single(opened[1].Attachments);
        Assert.Equal(("invoice.pdf", "application/pdf", (long)pdf.Length), (file.FileName, file.ContentType, file.Size));
        Assert.Equal(pdf, Hub.StoredAttachments[file.Id]);
    }

    [Fact]
    public async Task Files_past_the_limit_are_named_in_the_text_not_kept()
    {
        await using var harness = EmailHarness.For(EmailHarness.Merge(EmailHarness.Mailbox(0, "sales", Sales), new() { ["MaxAttachmentBytes"] = "10" }));

        await harness.Importer().ImportAsync(harness.MailboxOptions(), Mails.WithAttachment("ada@customer.test", Sales, "Big", "See attached.", "big.pdf", new byte[64]), "ada@customer.test", "<big@customer.test>", default);

        var opened = (NewTicket)Assert.Single(harness.Api.CallsTo("OpenTicketAsync")).Arguments[0]!;
        Assert.Empty(opened.Attachments);
        Assert.Contains("big.pdf", opened.Description, StringComparison.Ordinal);
        Assert.Empty(harness.Api.StoredAttachments);
    }

    [Fact]
    public async Task A_message_whose_import_failed_is_not_counted_against_its_sender_when_retried()
    {
        var limit = new SenderRateLimit(1, TimeSpan.FromHours(1), TimeProvider.System);
        var message = Mails.Plain("robot@system.test", Sales, "Disk full", "Disk full on db-1.");
        var dying = FailingAfter.Wrap(Hub, opens: 0);
        var importer = new MailImporter(dying, _harness.Options(), limit, new MailAttachments(dying, 1 << 20));

        await Assert.ThrowsAsync<IOException>(() => importer.ImportAsync(_harness.MailboxOptions(), message, "robot@system.test", "<disk@system.test>", default));
        var retried = await new MailImporter(Hub, _harness.Options(), limit, new MailAttachments(Hub, 1 << 20)).ImportAsync(_harness.MailboxOptions(), message, "robot@system.test", "<disk@system.test>", default);

        Assert.Equal(ImportOutcome.Opened, retried);
    }

    private Task<ImportOutcome> ImportAsync(MimeMessage message) =>
        _harness.Importer().ImportAsync(_harness.MailboxOptions(), message, MailNoise.Sender(message), MailThreading.Bracketed(message.MessageId!), default);
}
