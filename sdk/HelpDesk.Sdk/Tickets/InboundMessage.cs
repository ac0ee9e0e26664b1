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
}
