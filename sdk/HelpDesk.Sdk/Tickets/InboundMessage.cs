namespace HelpDesk.Sdk.Tickets;

/// <summary>A customer's message received on a channel, to add to their ticket. Optional members may be added.</summary>
/// <param name="Body">Its text; quoted history trimmed.</param>
public sealed record InboundMessage(string Body)
{
    /// <summary>Where it came in.</summary>
    public TicketChannel Channel { get; init; } = TicketChannel.Integration;

    /// <summary>
    /// Its id on the channel (an email's Message-ID). A message whose id the ticket already has is not added again, so
    /// a re-delivered or re-polled message changes nothing.
    /// </summary>
    public string? MessageId { get; init; }

    /// <summary>Who wrote it, when not the ticket's requester (someone they copied); null means the requester.</summary>
    public Customer? From { get; init; }

    /// <summary>Its HTML body, when it had one; the hub sanitises it before storing it.</summary>
    public string? Html { get; init; }

    /// <summary>Addresses it was copied to; they are added to the ticket's CC.</summary>
    public IReadOnlyList<string> Cc { get; init; } = [];

    /// <summary>Files from <see cref="IHelpDeskApi.StoreAttachmentAsync"/>.</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];
}
