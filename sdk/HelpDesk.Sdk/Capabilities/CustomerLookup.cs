namespace HelpDesk.Sdk.Capabilities;

/// <summary>Who to look up. Optional members may be added over time.</summary>
/// <param name="Email">The requester's address, lower-case.</param>
public sealed record CustomerLookup(string Email)
{
    /// <summary>The organisation the requester gave, if any: a hint when the email alone finds nobody.</summary>
    public string? Organization { get; init; }

    /// <summary>The ticket that prompted the lookup, if any.</summary>
    public long? Ticket { get; init; }
}
