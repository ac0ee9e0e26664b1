using HelpDesk.Connectors.Zoom.Api;
using HelpDesk.Connectors.Zoom.Hosting;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Connectors.Zoom.Meetings;

/// <summary>
/// Schedules Zoom meetings for tickets (<c>meeting-provider</c> "zoom"). Each meeting is remembered under its
/// idempotency key once Zoom made it, and a repeated request returns the remembered one without calling Zoom. What
/// remains open is the moment between Zoom's answer and that save: a crash there, or a create whose answer was lost,
/// leaves a meeting at Zoom that a later attempt does not know of (see README, "Idempotency").
/// </summary>
internal sealed class ZoomMeetingProvider(ZoomClient zoom, IPluginState state, ZoomOptions options, ILogger<ZoomMeetingProvider> logger) : IMeetingProvider
{
    public string Name => ZoomPlugin.ProviderName;

    public async Task<ScheduledMeeting> ScheduleMeetingAsync(MeetingRequest request, CancellationToken cancellationToken)
    {
        var key = RememberedMeetings.Key(request.IdempotencyKey);
        if (await state.GetAsync(key, cancellationToken) is { } stored && RememberedMeetings.Read(stored) is { } remembered)
        {
            logger.LogInformation("Meeting {IdempotencyKey} for ticket {Ticket} is Zoom meeting {Id} already; not creating another.", request.IdempotencyKey, request.Ticket, remembered.Id);
            return remembered;
        }

        var meeting = ZoomMeetingBody.Scheduled(await zoom.CreateMeetingAsync(ZoomMeetingBody.From(request, options), cancellationToken), request);
        try
        {
            // Not the caller's token: once Zoom made the meeting, a cancelled call must still remember it.
            await state.SetAsync(key, RememberedMeetings.Write(meeting), CancellationToken.None);
        }
        catch (Exception e)
        {
            // The meeting exists and the hub records it with the ticket; failing here would only make a second one.
            logger.LogWarning(e, "Zoom meeting {Id} for ticket {Ticket} could not be remembered under {IdempotencyKey}; a repeat would create another.", meeting.Id, request.Ticket, request.IdempotencyKey);
        }

        logger.LogInformation("Scheduled Zoom meeting {Id} for ticket {Ticket} at {StartsAt:u}.", meeting.Id, request.Ticket, meeting.StartsAt);
        return meeting;
    }
}
