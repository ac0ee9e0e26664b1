namespace HelpDesk.Sdk.Tickets;

/// <summary>A ticket to open. Optional members may be added over time.</summary>
/// <param name="Subject">One line.</param>
/// <param name="Description">The customer's words, or the alert's text.</param>
/// <param name="Requester">Who the ticket is for.</param>
public sealed record NewTicket(string Subject, string Description, Customer Requester)
{
    /// <summary>Where it came from; plugins default to <see cref="TicketChannel.Integration"/>.</summary>
    public TicketChannel Channel { get; init; } = TicketChannel.Integration;

    /// <summary>Null leaves it to the hub (normal, or what its rules decide).</summary>
    public TicketPriority? Priority { get; init; }

    /// <summary>Tags to start with.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Custom fields to start with.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The id this ticket has in the system it came from (an email's Message-ID), to find it again with
    /// <see cref="IHelpDeskApi.FindByExternalIdAsync"/>. Opening a ticket with an id this plugin already opened one
    /// with returns that ticket instead of a second one, so a retried or re-polled message opens one ticket.
    /// </summary>
    public string? ExternalId { get; init; }

    /// <summary>The queue it starts in (a mailbox's default); null leaves it to the hub's rules.</summary>
    public string? Queue { get; init; }

    /// <summary>Its category, which rules can route by.</summary>
    public string? Category { get; init; }

    /// <summary>The description as HTML, when the customer sent some; the hub sanitises it before storing it.</summary>
    public string? HtmlDescription { get; init; }

    /// <summary>Addresses the customer copied; they hear about the ticket as the requester does.</summary>
    public IReadOnlyList<string> Cc { get; init; } = [];

    /// <summary>Files from <see cref="IHelpDeskApi.StoreAttachmentAsync"/>.</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];
}
