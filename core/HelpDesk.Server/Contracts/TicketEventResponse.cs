using System.Text.Json;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Server.Contracts;

/// <summary>One audit-trail entry: what happened (<c>type</c>, <c>data</c>), who did it and when.</summary>
public sealed record TicketEventResponse(long Position, int Version, string Type, Actor Actor, DateTimeOffset At, JsonElement Data);
