namespace HelpDesk.Sdk.Tickets;

/// <summary>
/// News from a linked item in another system (a Jira issue moved to Done, a GitHub comment), to record on the ticket.
/// Give at least one of <see cref="Status"/>, <see cref="Comment"/> and <see cref="Url"/>. Optional members may be added.
/// </summary>
/// <param name="System">The item's system, as it was linked (<c>jira</c>).</param>
/// <param name="Key">The item's key, as it was linked (<c>OPS-12</c>).</param>
public sealed record ExternalUpdate(string System, string Key)
{
    /// <summary>Its new status as the other system names it (<c>Done</c>); null when unchanged.</summary>
    public string? Status { get; init; }

    /// <summary>Whether the other system now counts it as done; null when unknown or unchanged.</summary>
    public bool? IsResolved { get; init; }

    /// <summary>A comment added there, plain text.</summary>
    public string? Comment { get; init; }

    /// <summary>Who made the change there, by display name.</summary>
    public string? Author { get; init; }

    /// <summary>Its new address, when it moved.</summary>
    public string? Url { get; init; }

    /// <summary>
    /// What identifies this report there (a webhook's delivery id, a comment's id): the ticket records an update with an
    /// id it already has only once, so a redelivered webhook changes nothing.
    /// </summary>
    public string? Id { get; init; }
}
