namespace HelpDesk.Sdk.Testing;

/// <summary>A message <see cref="RecordingHelpDeskApi"/> accepted onto a ticket.</summary>
/// <param name="Ticket">The ticket's number.</param>
/// <param name="Kind">Reply or note, and from whom.</param>
/// <param name="Body">Its text, as given.</param>
/// <param name="At">When it was added, by the fake hub's <see cref="TimeProvider"/>.</param>
public sealed record RecordedMessage(long Ticket, MessageKind Kind, string Body, DateTimeOffset At)
{
    /// <summary>The channel a customer's message came in on, when it was added with one.</summary>
    public HelpDesk.Sdk.Tickets.TicketChannel? Channel { get; init; }

    /// <summary>Its id on that channel, when it was added with one.</summary>
    public string? MessageId { get; init; }

    /// <summary>The customer's message as the plugin gave it (sender, HTML, CC, files), when it was added with one.</summary>
    public HelpDesk.Sdk.Tickets.InboundMessage? Inbound { get; init; }
}
