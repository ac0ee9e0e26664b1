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

    /// <summary>The id this ticket has in the system it came from, to find it again with <see cref="IHelpDeskApi.FindByExternalIdAsync"/>.</summary>
    public string? ExternalId { get; init; }
}
