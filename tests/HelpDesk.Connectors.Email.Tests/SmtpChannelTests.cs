using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Testing;
using HelpDesk.Sdk.Tickets;
using HelpDesk.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace HelpDesk.Connectors.Email.Tests;

/// <summary>Sending through the real Postfix into a customer's real mailbox.</summary>
public sealed class SmtpChannelTests
{
    [Fact]
    public async Task A_reply_arrives_threaded_under_the_customers_message_with_the_tickets_tag_and_mailbox()
    {
        await MailServer.RequireAsync();
        var customer = MailServer.NewAddress("ada", "customer.test");
        await using var harness = EmailHarness.For(EmailHarness.Merge(EmailHarness.Mailbox(0, "help", "help@helpdesk.test"), EmailHarness.Smtp()));
        var ticket = harness.Api.Seed(new NewTicket("Printer jams", "It jams.", new Customer(customer)) { Fields = new Dictionary<string, string> { ["mailbox"] = "help" } });
        var reply = new OutboundMessage("<hd.1.3.abc@helpdesk>", ticket.Number, [new MessageRecipient(customer, "Ada")], "Re: Printer jams", "Try the other tray.")
        {
            HtmlBody = "<p>Try the other tray.</p>",
            InReplyTo = "<original@customer.test>",
            References = ["<original@customer.test>", "<hd.1.1.def@helpdesk>"],
            Cc = [new MessageRecipient("bob@customer.test")],
        };

        await Channel(harness).SendAsync(reply, default);

        var received = Assert.Single(await MailServer.WaitForInboxAsync(customer, 1));
        Assert.Equal(("hd.1.3.abc@helpdesk", "original@customer.test"), (received.MessageId, received.InReplyTo));
        Assert.Equal(["original@customer.test", "hd.1.1.def@helpdesk"], received.References);
        Assert.Equal("[#1] Re: Printer jams", received.Subject);
        Assert.Equal("help@helpdesk.test", Assert.Single(received.ReplyTo.Mailboxes).Address);
        Assert.Equal(EmailHarness.SupportSender, Assert.Single(received.From.Mailboxes).Address);
        Assert.Equal("bob@customer.test", Assert.Single(received.Cc.Mailboxes).Address);
        Assert.Equal("Try the other tray.", received.TextBody?.Trim());
        Assert.Null(received.Headers[HeaderId.AutoSubmitted]);
    }

    [Fact]
    public async Task A_message_handed_over_twice_is_sent_once_and_notifications_are_marked_automatic()
    {
        await MailServer.RequireAsync();
        var customer = MailServer.NewAddress("once", "customer.test");
        await using var harness = EmailHarness.For(EmailHarness.Smtp());
        harness.Api.Seed(new NewTicket("Printer jams", "It jams.", new Customer(customer)));
        var notice = new OutboundMessage("<hd.1.1.once@helpdesk>", 1, [new MessageRecipient(customer)], "[#1] We received your request", "We have it.") { Automatic = true };

        await Channel(harness).SendAsync(notice, default);
        await Channel(harness).SendAsync(notice, default);

        var received = Assert.Single(await MailServer.WaitForInboxAsync(customer, 2, TimeSpan.FromSeconds(3)));
        Assert.Equal("auto-replied", received.Headers[HeaderId.AutoSubmitted]);
        Assert.Equal("[#1] We received your request", received.Subject);
    }

    [Fact]
    public async Task With_the_server_down_sending_fails_so_the_hub_retries_and_then_it_is_delivered_once()
    {
        await MailServer.RequireAsync();
        var customer = MailServer.NewAddress("down", "customer.test");
        var state = new MemoryPluginState();
        var message = new OutboundMessage("<hd.1.2.down@helpdesk>", 1, [new MessageRecipient(customer)], "Re: Printer", "Answer.");
        await using (var down = EmailHarness.For(EmailHarness.Smtp(port: FreePort.Next()), state))
        {
            down.Api.Seed(new NewTicket("Printer", "It jams.", new Customer(customer)));
            await Assert.ThrowsAsync<ChannelUnavailableException>(() => Channel(down).SendAsync(message, default));
        }

        await using var up = EmailHarness.For(EmailHarness.Smtp(), state);
        up.Api.Seed(new NewTicket("Printer", "It jams.", new Customer(customer)));
        await Channel(up).SendAsync(message, default);
        await Channel(up).SendAsync(message, default);

        Assert.Single(await MailServer.WaitForInboxAsync(customer, 2, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task A_report_about_no_ticket_handed_over_twice_arrives_once_untagged_with_its_csv()
    {
        await MailServer.RequireAsync();
        var lead = MailServer.NewAddress("lead", "example.test");
        await using var harness = EmailHarness.For(EmailHarness.Smtp());
        var report = new OutboundMessage("<hd.report.r2.once@helpdesk>", 0, [new MessageRecipient(lead)], "Report: Weekly summary", "volume: 2")
        {
            HtmlBody = "<p><img src=\"cid:chart0.r2@helpdesk\"></p>",
            Attachments =
            [
                new OutboundAttachment("chart-0.png", "image/png", new byte[] { 0x89, 0x50, 0x4E, 0x47 }) { ContentId = "chart0.r2@helpdesk" },
                new OutboundAttachment("report-r2.csv", "text/csv", "kpi,groupBy,key,column,value\n"u8.ToArray()),
            ],
        };

        await Channel(harness).SendAsync(report, default);
        await Channel(harness).SendAsync(report, default);

        var received = Assert.Single(await MailServer.WaitForInboxAsync(lead, 2, TimeSpan.FromSeconds(3)));
        Assert.Equal("Report: Weekly summary", received.Subject);
        Assert.Equal("chart0.r2@helpdesk", Assert.Single(received.BodyParts.OfType<MimePart>(), p => p.ContentId is not null).ContentId);
        Assert.Equal("report-r2.csv", Assert.Single(received.Attachments.OfType<MimePart>()).FileName);
    }

    private static IOutboundChannel Channel(PluginHarness<Hosting.EmailPlugin> harness) => harness.Services.GetRequiredService<IOutboundChannel>();
}
