namespace HelpDesk.Sdk.Capabilities;

/// <summary>
/// A message to send: about a ticket (a reply, a notification), or about none (a scheduled report, with
/// <paramref name="Ticket"/> 0). Optional members may be added over time.
/// </summary>
/// <param name="MessageId">The hub's id for this message (an RFC 5322 Message-ID for email), the same on every retry.</param>
/// <param name="Ticket">
/// The ticket's number; put it where the customer's answer carries it back (<c>[#1042]</c> in the subject). 0 when the
/// message is about no ticket: then add no ticket tag or reference at all (never <c>[#0]</c>), and an answer to it, if
/// any, opens a new ticket as a fresh message would.
/// </param>
/// <param name="To">Who receives it.</param>
/// <param name="Subject">One line.</param>
/// <param name="TextBody">The plain-text body; always given.</param>
public sealed record OutboundMessage(string MessageId, long Ticket, IReadOnlyList<MessageRecipient> To, string Subject, string TextBody)
{
    /// <summary>The HTML body, when there is one; sanitised by the hub.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>The BCP 47 tag of the language it is written in.</summary>
    public string? Language { get; init; }

    /// <summary>Who else receives a copy.</summary>
    public IReadOnlyList<MessageRecipient> Cc { get; init; } = [];

    /// <summary>The message this one answers, for threading (email's In-Reply-To).</summary>
    public string? InReplyTo { get; init; }

    /// <summary>The thread's earlier messages, oldest first (email's References).</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>
    /// True when no person wrote it (ticket received, solved, reminders): email marks it <c>Auto-Submitted</c> so other
    /// systems' auto-replies do not answer it, which is how mail loops start.
    /// </summary>
    public bool Automatic { get; init; }

    /// <summary>Where answers should go (the mailbox the ticket came in on); null for the channel's default.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>
    /// Files sent with it: attachments, and images the HTML body shows inline (those with a
    /// <see cref="OutboundAttachment.ContentId"/>). Empty for most messages.
    /// </summary>
    public IReadOnlyList<OutboundAttachment> Attachments { get; init; } = [];
}
