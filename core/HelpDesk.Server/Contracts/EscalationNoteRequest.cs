namespace HelpDesk.Server.Contracts;

/// <summary>Body of <c>POST /api/v1/tickets/{number}/escalations/{escalationId}/notes</c>.</summary>
public sealed record EscalationNoteRequest(string? Body);
