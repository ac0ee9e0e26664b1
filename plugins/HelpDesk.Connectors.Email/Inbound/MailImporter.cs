using HelpDesk.Connectors.Email.Hosting;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Tickets;
using MimeKit;

namespace HelpDesk.Connectors.Email.Inbound;

/// <summary>
/// Turns one message into a ticket or a reply on the ticket it answers. Safe to repeat: a ticket is opened with the
/// Message-ID as its external id (the hub opens it once) and a reply carries the Message-ID (the ticket adds it once),
/// so a message polled again after a crash changes nothing.
/// </summary>
public sealed class MailImporter(IHelpDeskApi hub, EmailOptions options, SenderRateLimit senders, MailAttachments files)
{
    // Subject and body sizes the hub accepts; longer ones are cut with a marker rather than refused.
    private const int MaxSubject = 250;
    private const int MaxText = 65_000;
    private const int MaxHtml = 262_000;

    private readonly IReadOnlySet<string> _ownAddresses = options.AllOwnAddresses();

    /// <param name="sender">The message's sender, as <see cref="MailNoise.Sender"/> gives it.</param>
    public async Task<ImportOutcome> ImportAsync(MailboxOptions mailbox, MimeMessage message, string? sender, string messageId, CancellationToken cancellationToken)
    {
        if (sender is null || MailNoise.Reason(message, _ownAddresses) is not null)
        {
            return ImportOutcome.Noise;
        }

        if (senders.IsOverLimit(sender))
        {
            return ImportOutcome.Held;
        }

        var outcome = await ImportFromAsync(mailbox, message, sender, messageId, cancellationToken);

        // Counted once imported: a message retried after a failure is not counted again.
        senders.Count(sender);
        return outcome;
    }

    private async Task<ImportOutcome> ImportFromAsync(MailboxOptions mailbox, MimeMessage message, string sender, string messageId, CancellationToken cancellationToken)
    {
        var ticket = await AnsweredTicketAsync(message, cancellationToken);
        var (attachments, refused) = await files.StoreAsync(message, cancellationToken);
        var text = MailContent.Text(message, trimHistory: ticket is not null) + Notes(refused);
        var html = MailContent.Html(message) is { Length: <= MaxHtml } h ? h : null;
        var cc = Copied(message, sender);
        if (ticket is not null)
        {
            try
            {
                var from = ticket.Requester.Email.Equals(sender, StringComparison.OrdinalIgnoreCase) ? null : new Customer(sender, Name(message));
                var reply = new InboundMessage(Cut(text, MaxText)) { Channel = TicketChannel.Email, MessageId = messageId, From = from, Html = html, Cc = cc, Attachments = attachments };
                await hub.AddCustomerReplyAsync(ticket.Number, reply, cancellationToken);
                return ImportOutcome.Replied;
            }
            catch (HelpDeskApiException closed) when (closed.Kind == HelpDeskApiError.Conflict)
            {
                // A closed ticket takes no more replies: the answer opens a follow-up that names it, as in Zendesk.
                await OpenAsync(mailbox, message, messageId, sender, MailContent.Text(message, trimHistory: false) + Notes(refused), html, cc, attachments, followUpOf: ticket.Number, cancellationToken);
                return ImportOutcome.Opened;
            }
        }

        await OpenAsync(mailbox, message, messageId, sender, text, html, cc, attachments, followUpOf: null, cancellationToken);
        return ImportOutcome.Opened;
    }

    private async Task<TicketSnapshot?> AnsweredTicketAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (MailThreading.AnsweredIds(message) is { Count: > 0 } ids && await hub.FindByMessageIdAsync(ids, cancellationToken) is { } threaded)
        {
            return threaded;
        }

        // Only our own tag in the subject, never the subject's words: "Re: Printer jammed" may be anyone's.
        return MailThreading.TicketNumber(message.Subject) is { } number ? await hub.GetTicketAsync(number, cancellationToken) : null;
    }

    private async Task OpenAsync(
        MailboxOptions mailbox, MimeMessage message, string messageId, string sender, string text, string? html, IReadOnlyList<string> cc,
        IReadOnlyList<Attachment> attachments, long? followUpOf, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string> { ["mailbox"] = mailbox.Name };
        if (mailbox.Brand is { } brand)
        {
            fields["brand"] = brand;
        }

        if (followUpOf is { } previous)
        {
            fields["follow_up_of"] = previous.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var language = message.Headers["Content-Language"]?.Split(',')[0].Trim() is { Length: > 1 and < 36 } stated ? stated : mailbox.Language;
        var ticket = new NewTicket(Subject(message), Cut(text, MaxText), new Customer(sender, Name(message), language))
        {
            Channel = TicketChannel.Email,
            ExternalId = messageId.Length <= 200 ? messageId : null,
            Queue = mailbox.Queue,
            Category = mailbox.Category,
            Tags = mailbox.Tags,
            Fields = fields,
            HtmlDescription = html,
            Cc = cc,
            Attachments = attachments,
        };
        await hub.OpenTicketAsync(ticket, cancellationToken);
    }

    // Everyone else the customer wrote to, people only: our own addresses are the help desk itself.
    private List<string> Copied(MimeMessage message, string sender) =>
        [.. message.To.Mailboxes.Concat(message.Cc.Mailboxes)
            .Select(m => m.Address.Trim().ToLowerInvariant())
            .Where(a => a.Contains('@', StringComparison.Ordinal) && a != sender && !_ownAddresses.Contains(a))
            .Distinct(StringComparer.Ordinal)
            .Take(50)];

    private static string? Name(MimeMessage message) =>
        message.From.Mailboxes.FirstOrDefault()?.Name is { Length: > 0 and <= 200 } name ? name.Trim() : null;

    private static string Subject(MimeMessage message)
    {
        var subject = string.Join(' ', (message.Subject ?? "").Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return subject.Length == 0 ? "(no subject)" : subject.Length > MaxSubject ? subject[..(MaxSubject - 1)] + "…" : subject;
    }

    private static string Notes(IReadOnlyList<string> refused) => refused.Count == 0 ? "" : "\n\n" + string.Join('\n', refused.Select(r => $"[{r}]"));

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + "\n[…the rest of this message was cut]";
}
