using System.Text;
using MimeKit;

namespace HelpDesk.Connectors.Email.Tests;

/// <summary>Messages as customers' clients, auto-responders and mail servers write them.</summary>
internal static class Mails
{
    public static MimeMessage Plain(string from, string to, string subject, string text, string? id = null, string? inReplyTo = null, params string[] references)
    {
        var message = Base(from, to, subject, id);
        message.Body = new TextPart("plain") { Text = text };
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo;
        }

        foreach (var reference in references)
        {
            message.References.Add(reference);
        }

        return message;
    }

    public static MimeMessage Html(string from, string to, string subject, string html)
    {
        var message = Base(from, to, subject, null);
        message.Body = new TextPart("html") { Text = html };
        return message;
    }

    public static MimeMessage WithAttachment(string from, string to, string subject, string text, string fileName, byte[] content)
    {
        var message = Base(from, to, subject, null);
        var body = new BodyBuilder { TextBody = text };
        body.Attachments.Add(fileName, content, ContentType.Parse("application/pdf"));
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>A body in a legacy charset (ISO-2022-JP, EUC-KR), as Japanese and Korean clients still send.</summary>
    public static MimeMessage InCharset(string from, string to, string subject, string text, string charset)
    {
        var message = Base(from, to, subject, null);
        var part = new TextPart("plain");
        part.SetText(charset, text);
        message.Body = part;
        return message;
    }

    public static MimeMessage AutoReply(string from, string to, string subject)
    {
        var message = Plain(from, to, $"Out of office: {subject}", "I am away until Monday.");
        message.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        return message;
    }

    public static MimeMessage Bounce(string to, string subject)
    {
        var message = Base("MAILER-DAEMON@mx.example.net", to, $"Undelivered Mail Returned to Sender: {subject}", null);
        var report = new MultipartReport("delivery-status")
        {
            new TextPart("plain") { Text = "This is the mail system. Your message could not be delivered." },
            new MimePart("message", "delivery-status") { Content = new MimeContent(new MemoryStream("Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; gone@example.net\nAction: failed\nStatus: 5.1.1\n"u8.ToArray())) },
        };
        message.Body = report;
        return message;
    }

    private static MimeMessage Base(string from, string to, string subject, string? id)
    {
        var message = new MimeMessage { Subject = subject, MessageId = id ?? MimeKit.Utils.MimeUtils.GenerateMessageId("customer.test"), Date = DateTimeOffset.UtcNow };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }
}
