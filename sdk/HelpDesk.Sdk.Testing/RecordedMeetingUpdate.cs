using HelpDesk.Sdk.Capabilities;

namespace HelpDesk.Sdk.Testing;

/// <summary>A meeting update <see cref="RecordingHelpDeskApi"/> recorded on a ticket.</summary>
/// <param name="Ticket">The number of the ticket that scheduled the meeting.</param>
/// <param name="Update">The update, as given.</param>
/// <param name="At">When it was recorded, by the fake hub's <see cref="TimeProvider"/>.</param>
public sealed record RecordedMeetingUpdate(long Ticket, MeetingUpdate Update, DateTimeOffset At);
