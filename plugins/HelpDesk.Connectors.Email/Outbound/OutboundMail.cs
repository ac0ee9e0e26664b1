using HelpDesk.Connectors.Email.Hosting;
using HelpDesk.Connectors.Email.Inbound;
using HelpDesk.Sdk.Capabilities;
using MimeKit;

namespace HelpDesk.Connectors.Email.Outbound;

/// <summary>An outbound message as the email a customer's client threads: ids, subject tag, Reply-To, both bodies.</summary>
public static class OutboundMail
{
    public static MimeMessage Compose(OutboundMessage message, SmtpOptions smtp, string? replyTo)
    {
        var mime = new MimeMessage { MessageId = MailThreading.Bare(message.MessageId), Subject = Tagged(message.Subject, message.Ticket) };
        mime.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        mime.To.AddRange(message.To.Select(r => new MailboxAddress(r.Name, r.Address)));
        mime.Cc.AddRange(message.Cc.Select(r => new MailboxAddress(r.Name, r.Address)));
        if (replyTo is { Length: > 0 })
        {
            mime.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        }

        if (message.InReplyTo is { Length: > 0 } inReplyTo)
        {
            mime.InReplyTo = MailThreading.Bare(inReplyTo);
        }

        foreach (var reference in message.References)
        {
            mime.References.Add(MailThreading.Bare(reference));
        }

        if (message.Automatic)
        {
            mime.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        }

        mime.Headers.Add("X-HelpDesk-Ticket", message.Ticket.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (message.Language is { Length: > 0 } language)
        {
            mime.Headers.Add("Content-Language", language);
        }

        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }

    /// <summary>The subject with <c>[#1042]</c>, which the customer's answer carries back; added once.</summary>
    public static string Tagged(string subject, long ticket)
    {
        var tag = $"[#{ticket}]";
        return MailThreading.TicketNumber(subject) == ticket ? subject : $"{tag} {subject}";
    }

}
