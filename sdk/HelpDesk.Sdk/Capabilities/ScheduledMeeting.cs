namespace HelpDesk.Sdk.Capabilities;

/// <summary>A meeting the provider scheduled. Optional members may be added over time.</summary>
/// <param name="Id">Its id at the provider, as its webhooks name it.</param>
/// <param name="JoinUrl">The link attendees join with; the hub may show it to the customer.</param>
/// <param name="StartsAt">When it starts, in UTC, as the provider scheduled it.</param>
/// <param name="Duration">How long it is planned to last.</param>
public sealed record ScheduledMeeting(string Id, string JoinUrl, DateTimeOffset StartsAt, TimeSpan Duration)
{
    /// <summary>The host's link: the hub shows it to agents only, never on a customer-facing path.</summary>
    public string? StartUrl { get; init; }

    /// <summary>The meeting's passcode, when the join link does not carry it.</summary>
    public string? Password { get; init; }
}
