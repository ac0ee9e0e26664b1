using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Sdk.Testing;

/// <summary>An external update <see cref="RecordingHelpDeskApi"/> recorded on a ticket.</summary>
/// <param name="Ticket">The ticket's number.</param>
/// <param name="Update">The update, as given.</param>
/// <param name="At">When it was recorded, by the fake hub's <see cref="TimeProvider"/>.</param>
public sealed record RecordedExternalUpdate(long Ticket, ExternalUpdate Update, DateTimeOffset At);
