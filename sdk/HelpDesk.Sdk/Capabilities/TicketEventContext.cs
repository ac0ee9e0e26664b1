using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Sdk.Capabilities;

/// <summary>One delivery of an event to a handler. New members may be added.</summary>
/// <param name="Event">The event.</param>
/// <param name="Attempt">1 for the first delivery, more when retried or replayed.</param>
public sealed record TicketEventContext(TicketEventEnvelope Event, int Attempt);
