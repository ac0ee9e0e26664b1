using HelpDesk.Domain.Tickets;

namespace HelpDesk.Server.Contracts;

public sealed record MessageResponse(long Id, int Version, string Kind, MessageVisibility Visibility, Actor Author, string Body, DateTimeOffset At);
