namespace HelpDesk.Sdk.Capabilities;

/// <summary>
/// Sends messages to customers (email, chat). The hub calls it from its durable event feed, so a message is sent again
/// after a crash or a timeout: send each <see cref="OutboundMessage.MessageId"/> at most once. Messages from customers
/// come in the other way, through <see cref="IHelpDeskApi.OpenTicketAsync"/> and
/// <see cref="IHelpDeskApi.AddCustomerReplyAsync(long, HelpDesk.Sdk.Tickets.InboundMessage, CancellationToken)"/>.
/// <see cref="INamedCapability.Name"/> is the channel's name (<c>email</c>).
/// </summary>
public interface IOutboundChannel : INamedCapability
{
    /// <summary>Sends the message; throw to have it retried later.</summary>
    /// <param name="message">What to send, to whom.</param>
    /// <param name="cancellationToken">Signalled at the call's timeout or when the plugin is unloaded.</param>
    Task<OutboundReceipt> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
