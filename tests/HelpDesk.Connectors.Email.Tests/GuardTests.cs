using HelpDesk.Connectors.Email.Inbound;
using MimeKit;

namespace HelpDesk.Connectors.Email.Tests;

public sealed class GuardTests
{
    private static readonly HashSet<string> Own = new(["support@helpdesk.test"], StringComparer.Ordinal);

    [Fact]
    public void A_persons_message_is_not_noise() =>
        Assert.Null(MailNoise.Reason(Mails.Plain("ada@customer.test", "support@helpdesk.test", "Printer", "It jams."), Own));

    [Fact]
    public void Auto_replies_bulk_mail_bounces_and_our_own_mail_are_noise()
    {
        var precedence = Mails.Plain("news@list.test", "support@helpdesk.test", "Weekly", "News");
        precedence.Headers.Add("Precedence", "bulk");
        var xAutoreply = Mails.Plain("bob@customer.test", "support@helpdesk.test", "Away", "Away");
        xAutoreply.Headers.Add("X-Autoreply", "yes");
        var emptyReturnPath = Mails.Plain("notify@service.test", "support@helpdesk.test", "Report", "Report");
        emptyReturnPath.Headers.Add(HeaderId.ReturnPath, "<>");

        Assert.Contains("Auto-Submitted", MailNoise.Reason(Mails.AutoReply("ada@customer.test", "support@helpdesk.test", "Printer"), Own));
        Assert.Contains("Precedence", MailNoise.Reason(precedence, Own));
        Assert.Contains("X-Autoreply", MailNoise.Reason(xAutoreply, Own));
        Assert.Contains("bounce", MailNoise.Reason(Mails.Bounce("support@helpdesk.test", "Printer"), Own));
        Assert.Contains("bounce", MailNoise.Reason(emptyReturnPath, Own));
        Assert.Contains("own address", MailNoise.Reason(Mails.Plain("Support@HelpDesk.test", "ada@customer.test", "Re", "Hi"), Own));
    }

    [Fact]
    public void Auto_submitted_no_is_a_person_writing()
    {
        var message = Mails.Plain("ada@customer.test", "support@helpdesk.test", "Printer", "It jams.");
        message.Headers.Add(HeaderId.AutoSubmitted, "no");

        Assert.Null(MailNoise.Reason(message, Own));
    }

    [Fact]
    public void The_sender_limit_holds_back_a_looping_system_and_lets_it_through_again_after_the_window()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var limit = new SenderRateLimit(3, TimeSpan.FromHours(1), time);
        bool Import(string sender)
        {
            if (limit.IsOverLimit(sender))
            {
                return false;
            }

            limit.Count(sender);
            return true;
        }

        var first = Enumerable.Range(0, 5).Select(_ => Import("robot@system.test")).ToList();
        var someoneElse = Import("ada@customer.test");
        time.Advance(TimeSpan.FromMinutes(61));
        var later = Import("robot@system.test");

        Assert.Equal([true, true, true, false, false], first);
        Assert.True(someoneElse);
        Assert.True(later);
    }
}
