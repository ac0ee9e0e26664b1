using HelpDesk.Sdk.Alerts;
using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Sdk;

/// <summary>
/// What a plugin may do to tickets: the same operations the REST API offers, acting as the plugin. Every call either
/// changes the ticket and returns it, or throws <see cref="HelpDeskApiException"/> and changes nothing.
/// Implemented by the hub; plugins receive it from their service provider.
/// </summary>
public interface IHelpDeskApi
{
    /// <summary>Opens a ticket.</summary>
    /// <param name="ticket">What to open.</param>
    /// <param name="cancellationToken">Cancels the wait; a ticket already written stays.</param>
    Task<TicketSnapshot> OpenTicketAsync(NewTicket ticket, CancellationToken cancellationToken);

    /// <summary>The ticket with this number, or null.</summary>
    /// <param name="number">Its number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<TicketSnapshot?> GetTicketAsync(long number, CancellationToken cancellationToken);

    /// <summary>Tickets opened with this <see cref="NewTicket.ExternalId"/>, newest first.</summary>
    /// <param name="externalId">The id in the system the tickets came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<TicketSnapshot>> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken);

    /// <summary>
    /// The ticket a message answers: the first of <paramref name="messageIds"/> (an email's In-Reply-To, then its
    /// References from newest to oldest) that the hub received on a ticket or sent about one. Null when none is known.
    /// </summary>
    /// <param name="messageIds">Message-IDs in the order to try them, with their angle brackets.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<TicketSnapshot?> FindByMessageIdAsync(IReadOnlyList<string> messageIds, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps a file in the hub's attachment store, to attach to a ticket or a reply. Throws
    /// <see cref="HelpDeskApiException"/> (<see cref="HelpDeskApiError.Invalid"/>) past the hub's size limit.
    /// </summary>
    /// <param name="fileName">Its name as sent.</param>
    /// <param name="contentType">Its MIME type.</param>
    /// <param name="content">Its bytes, read to the end.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    Task<Attachment> StoreAttachmentAsync(string fileName, string contentType, Stream content, CancellationToken cancellationToken);

    /// <summary>
    /// Tickets linked to this item of another system (<see cref="LinkExternalIssueAsync"/>), newest first: a webhook
    /// about a Jira issue finds the tickets to update. Several tickets may be linked to one item.
    /// </summary>
    /// <param name="system">The item's system, as linked (<c>jira</c>).</param>
    /// <param name="key">The item's key, as linked (<c>OPS-12</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<TicketSnapshot>> FindByExternalReferenceAsync(string system, string key, CancellationToken cancellationToken);

    /// <summary>Adds the customer's reply; a pending or solved ticket goes back to open.</summary>
    /// <param name="number">The ticket.</param>
    /// <param name="body">The reply's text.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<TicketSnapshot> AddCustomerReplyAsync(long number, string body, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a customer's message received on a channel; a pending or solved ticket goes back to open. A message whose
    /// <see cref="InboundMessage.MessageId"/> the ticket already has changes nothing and returns the ticket as it is.
    /// </summary>
    /// <param name="number">The ticket.</param>
    /// <param name="message">The message, its channel and its id there.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<TicketSnapshot> AddCustomerReplyAsync(long number, InboundMessage message, CancellationToken cancellationToken);

    /// <summary>Adds a public answer, written by the plugin on behalf of the support team.</summary>
    /// <param name="number">The ticket.</param>
    /// <param name="body">The answer's text.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<TicketSnapshot> AddAgentReplyAsync(long number, string body, CancellationToken cancellationToken);

    /// <summary>Adds a note only agents see.</summary>
    /// <param name="number">The ticket.</param>
    /// <param name="body">The note's text.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<TicketSnapshot> AddInternalNoteAsync(long number, string body, CancellationToken cancellationToken);

    /// <summary>Moves the ticket to another status, if the move is allowed.</summary>
    /// <param name="number">The ticket.</param>
    /// <param name="status">The new status.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<TicketSnapshot> ChangeStatusAsync(long number, TicketStatus status, CancellationToken cancellationToken);

    /// <summary>Sets the ticket's priority.</summary>
    /// <param name="number">The ticket.</param>
    /// <param name="priority">The new priority.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<TicketSnapshot> ChangePriorityAsync(long number, TicketPriority priority, CancellationToken cancellationToken);

    /// <summary>Adds tags (those it has already are kept).</summary>
    /// <param name="number">The ticket.</param>
    /// <param name="tags">The tags to add.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<TicketSnapshot> AddTagsAsync(long number, IReadOnlyList<string> tags, CancellationToken cancellationToken);

    /// <summary>Links the ticket to an item in another system; linking the same item twice changes nothing.</summary>
    /// <param name="number">The ticket.</param>
    /// <param name="reference">The item.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<TicketSnapshot> LinkExternalIssueAsync(long number, ExternalReference reference, CancellationToken cancellationToken);

    /// <summary>
    /// Records news from an item the ticket is linked to (its status, a comment), as an event on the ticket. Refused
    /// when the ticket is not linked to that item; an update that repeats the item's known status and carries nothing
    /// else changes nothing.
    /// </summary>
    /// <param name="number">The ticket.</param>
    /// <param name="update">The item and what changed there.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<TicketSnapshot> RecordExternalUpdateAsync(long number, ExternalUpdate update, CancellationToken cancellationToken);

    /// <summary>
    /// Records news about a meeting scheduled for a ticket (started, ended with its length, a recording) as an event
    /// on that ticket. Null when no ticket scheduled a meeting with this provider and id; an update whose
    /// <see cref="Capabilities.MeetingUpdate.Id"/> the ticket already has changes nothing and returns the ticket.
    /// </summary>
    /// <param name="update">The meeting and what happened.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<TicketSnapshot?> RecordMeetingUpdateAsync(Capabilities.MeetingUpdate update, CancellationToken cancellationToken);

    /// <summary>
    /// Reports what a monitoring system says about one problem. The hub owns what that means, the same for every
    /// connector: the first firing opens an incident ticket (channel monitoring, priority from the severity map, queue
    /// from the labels), repeats are counted on it, a resolution is noted (and solves it when configured), a firing
    /// soon after reopens it, flapping is marked once, and a storm from one source is grouped into one incident. Safe
    /// to call concurrently and to repeat: one alert key never gets two tickets.
    /// </summary>
    /// <param name="signal">The report.</param>
    /// <param name="cancellationToken">Cancels the wait; a report already recorded stays.</param>
    /// <returns>What the hub did, and the ticket the alert is on.</returns>
    Task<AlertReport> ReportAlertAsync(AlertSignal signal, CancellationToken cancellationToken);
}
