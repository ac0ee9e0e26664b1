namespace HelpDesk.Sdk.Tickets;

/// <summary>A ticket as it was at <see cref="Version"/>.</summary>
/// <param name="Number">Its number, shown as <c>#1042</c>.</param>
/// <param name="Version">How many events it has had; grows by one per event.</param>
/// <param name="Subject">One line.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Priority">How pressing it is.</param>
/// <param name="Requester">Who it is for.</param>
/// <param name="Assignee">The agent who owns it, if any.</param>
/// <param name="Queue">The queue it is in, if any.</param>
/// <param name="Tags">Its tags.</param>
/// <param name="Fields">Its custom fields.</param>
/// <param name="ExternalId">Its id in the system it came from, if any.</param>
/// <param name="ExternalReferences">Items in other systems it is linked to.</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record TicketSnapshot(
    long Number,
    int Version,
    string Subject,
    TicketStatus Status,
    TicketPriority Priority,
    Customer Requester,
    string? Assignee,
    string? Queue,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Fields,
    string? ExternalId,
    IReadOnlyList<ExternalReference> ExternalReferences,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
