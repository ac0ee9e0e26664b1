using System.Text.Json;

namespace HelpDesk.Sdk.Tickets;

/// <summary>
/// One event of the hub's log as a plugin receives it. <see cref="Ticket"/> and <see cref="Version"/> identify it:
/// deliveries are at least once, so a handler that has seen them already should do nothing.
/// </summary>
/// <param name="Position">Its place in the global log.</param>
/// <param name="Ticket">The ticket's number.</param>
/// <param name="Version">The ticket's version after this event.</param>
/// <param name="Type">Its stable name, such as <c>ticket-opened</c> or <c>status-changed</c>.</param>
/// <param name="ActorKind">Who did it: <c>customer</c>, <c>agent</c>, <c>integration</c> or <c>system</c>.</param>
/// <param name="ActorId">Their id (an email for customers).</param>
/// <param name="At">When it happened.</param>
/// <param name="Data">The event's members, in the same JSON the REST API shows.</param>
public sealed record TicketEventEnvelope(long Position, long Ticket, int Version, string Type, string ActorKind, string ActorId, DateTimeOffset At, JsonElement Data);
