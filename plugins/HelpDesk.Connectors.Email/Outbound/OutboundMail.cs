using HelpDesk.Connectors.Email.Hosting;
using HelpDesk.Connectors.Email.Inbound;
using HelpDesk.Sdk.Capabilities;
using MimeKit;

namespace HelpDesk.Connectors.Email.Outbound;

/// <summary>
/// An outbound message as the email a customer's client threads: ids, subject tag, Reply-To, both bodies, its
/// attachments, and the images the HTML shows inline (cid:) as related parts. A message about no ticket (a report) gets
/// no ticket tag or header.
/// </summary>
public static class OutboundMail
{
    public static MimeMessage Compose(OutboundMessage message, SmtpOptions smtp, string? replyTo)
    {
        var mime = new MimeMessage { MessageId = MailThreading.Bare(message.MessageId), Subject = IsAboutTicket(message) ? Tagged(message.Subject, message.Ticket) : message.Subject };
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

        if (IsAboutTicket(message))
        {
            mime.Headers.Add("X-HelpDesk-Ticket", message.Ticket.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (message.Language is { Length: > 0 } language)
        {
            mime.Headers.Add("Content-Language", language);
        }

        mime.Body = Body(message);
        return mime;
    }

    /// <summary>Ticket 0 is the SDK's "about no ticket" (a report): nothing for an answer to carry back.</summary>
    public static bool IsAboutTicket(OutboundMessage message) => message.Ticket > 0;

    /// <summary>The subject with <c>[#1042]</c>, which the customer's answer carries back; added once.</summary>
    public static string Tagged(string subject, long ticket)
    {
        var tag = $"[#{ticket}]";
        return MailThreading.TicketNumber(subject) == ticket ? subject : $"{tag} {subject}";
    }

    private static MimeEntity Body(OutboundMessage message)
    {
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var file in message.Attachments)
        {
            // A type MimeKit cannot read still goes out, as plain bytes, rather than failing the whole message.
            var type = ContentType.TryParse(file.ContentType, out var parsed) ? parsed : new ContentType("application", "octet-stream");

            // Inline images only show beside an HTML body (multipart/related); without one they go as attachments.
            if (file.ContentId is { Length: > 0 } contentId && message.HtmlBody is not null)
            {
                var inline = body.LinkedResources.Add(file.FileName, file.Content.ToArray(), type);
                inline.ContentId = contentId;
            }
            else
            {
                body.Attachments.Add(file.FileName, file.Content.ToArray(), type);
            }
        }

        return body.ToMessageBody();
    }
}
