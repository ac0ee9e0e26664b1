namespace HelpDesk.Sdk.Capabilities;

/// <summary>Schedules video meetings for tickets (Zoom). <see cref="INamedCapability.Name"/> is the provider's name.</summary>
public interface IMeetingProvider : INamedCapability
{
    /// <summary>
    /// Schedules the meeting, or returns the one an earlier attempt with the same <see cref="MeetingRequest.IdempotencyKey"/>
    /// scheduled.
    /// </summary>
    /// <param name="request">When, how long, with whom.</param>
    /// <param name="cancellationToken">Signalled at the call's timeout or when the plugin is unloaded.</param>
    Task<ScheduledMeeting> ScheduleMeetingAsync(MeetingRequest request, CancellationToken cancellationToken);
}
