namespace HelpDesk.Sdk.Capabilities;

/// <summary>
/// News about a meeting a ticket scheduled (<see cref="IMeetingProvider"/>), from the provider's webhooks. Optional
/// members may be added over time.
/// </summary>
/// <param name="Provider">The meeting provider's <see cref="INamedCapability.Name"/> (<c>zoom</c>).</param>
/// <param name="MeetingId">The meeting's id, as <see cref="ScheduledMeeting.Id"/> gave it.</param>
/// <param name="Kind">What happened.</param>
/// <param name="At">When it happened, by the provider's clock.</param>
public sealed record MeetingUpdate(string Provider, string MeetingId, MeetingUpdateKind Kind, DateTimeOffset At)
{
    /// <summary>How long the meeting lasted, for <see cref="MeetingUpdateKind.Ended"/>.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Where agents can watch the recording, for <see cref="MeetingUpdateKind.RecordingReady"/>; never shown to customers.</summary>
    public string? RecordingUrl { get; init; }

    /// <summary>
    /// What identifies this report (a webhook's event, instance and time): the ticket records an update with an id it
    /// already has only once, so a redelivered webhook changes nothing.
    /// </summary>
    public string? Id { get; init; }
}
