using System.Text.Json;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;
using MimeKit;

namespace HelpDesk.Server.Tests.Email;

/// <summary>
/// A whole conversation through real mail servers: the customer writes to a support mailbox, the hub opens the ticket
/// and answers in the customer's language, an agent's reply lands in the customer's mailbox threaded under their
/// message, an internal note sends nothing, the customer's answer returns to the same ticket, and an SMTP outage only
/// delays a reply.
/// </summary>
public sealed class EmailConversationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task A_customer_conversation_threads_both_ways_and_survives_an_smtp_outage()
    {
        await MailServer.RequireAsync();
        var support = MailServer.NewAddress("support");
        var customer = MailServer.NewAddress("minji", "customer.test");
        var tag = $"conv-{Guid.NewGuid():N}"[..20];
        await using var relay = new TcpRelay(MailServer.Smtp.Host, MailServer.Smtp.Port);
        var settings = EmailHub.Mailbox(0, "support", support, tag, new() { ["Language"] = "ko" });
        foreach (var (key, value) in EmailHub.Smtp(relay.Port))
        {
            settings[key] = value;
        }

        await using var app = await EmailHub.StartAsync(settings);
        var admin = app.Admin();

        var question = EmailHub.Mail($"Minji <{customer}>", support, "주문 배송 문의", "주문한 책이 아직 도착하지 않았습니다.");
        await EmailHub.SendAsync(question);
        long number = 0;
        await Eventually.TrueAsync(async () => (number = (await admin.ListNumbersAsync($"tag={tag}")).FirstOrDefault()) > 0, Patience);

        // The acknowledgement: the mailbox's language (Korean), automatic, threaded under the question.
        var received = Assert.Single(await MailServer.WaitForInboxAsync(customer, 1, Patience));
        Assert.Contains("문의가 접수되었습니다", received.Subject, StringComparison.Ordinal);
        Assert.Contains($"[#{number}]", received.Subject, StringComparison.Ordinal);
        Assert.Equal("auto-replied", received.Headers[HeaderId.AutoSubmitted]);
        Assert.Equal(question.MessageId, received.InReplyTo);

        await admin.AddMessageAsync(number, "Internal: check the courier.", "internal");
        await admin.AddMessageAsync(number, "The courier says it arrives tomorrow.");
        var afterReply = await MailServer.WaitForInboxAsync(customer, 2, Patience);
        var reply = Assert.Single(afterReply, m => m.Headers[HeaderId.AutoSubmitted] is null);
        Assert.Equal(question.MessageId, reply.InReplyTo);
        Assert.Contains(question.MessageId, reply.References);
        Assert.Contains(received.MessageId, reply.References);
        Assert.Equal(support, Assert.Single(reply.ReplyTo.Mailboxes).Address);
        Assert.Contains("The courier says it arrives tomorrow.", reply.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(afterReply, m => (m.TextBody ?? "").Contains("Internal:", StringComparison.Ordinal));

        // The customer answers our reply: it finds the ticket by our Message-ID, whatever the subject says.
        var answer = EmailHub.Mail(customer, support, "감사합니다", "감사합니다!\n\n> The courier says it arrives tomorrow.");
        answer.InReplyTo = reply.MessageId;
        answer.References.Add(reply.MessageId!);
        await EmailHub.SendAsync(answer);
        await Eventually.TrueAsync(async () => (await admin.EventsAsync(number)).Any(e => e.GetProperty("type").GetString() == "customer-replied"), Patience);
        Assert.Single(await admin.ListNumbersAsync($"tag={tag}"));

        // The SMTP server goes away for longer than all the feed's attempts take; the reply waits, then arrives once.
        await relay.StopAsync();
        await admin.AddMessageAsync(number, "Your parcel is at the depot.");
        await Task.Delay(TimeSpan.FromSeconds(6));
        relay.Start();
        var final = await MailServer.WaitForInboxAsync(customer, 3, Patience);
        await Task.Delay(TimeSpan.FromSeconds(2));
        final = await MailServer.WaitForInboxAsync(customer, 3, Patience);
        Assert.Single(final, m => (m.TextBody ?? "").Contains("Your parcel is at the depot.", StringComparison.Ordinal));
        Assert.Equal(3, final.Count);
    }
}
