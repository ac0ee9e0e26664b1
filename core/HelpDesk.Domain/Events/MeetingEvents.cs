using HelpDesk.Domain.Meetings;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Events;

/// <summary>A meeting was scheduled for the ticket at a meeting provider.</summary>
public sealed record MeetingScheduled(Actor Actor, DateTimeOffset At, TicketMeeting Meeting) : TicketEvent(Actor, At);

/// <summary>News about a scheduled meeting from its provider: started, ended (and how long it lasted), recorded.</summary>
/// <param name="OccurredAt">When it happened, by the provider's clock.</param>
/// <param name="UpdateId">The provider's delivery identity: the ticket records each one once.</param>
public sealed record MeetingUpdated(
    Actor Actor,
    DateTimeOffset At,
    string Provider,
    string MeetingId,
    MeetingChange Change,
    DateTimeOffset OccurredAt,
    TimeSpan? Lasted = null,
    string? RecordingUrl = null,
    string? UpdateId = null) : TicketEvent(Actor, At);
