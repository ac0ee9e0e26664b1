using HelpDesk.Domain.Tickets;

namespace HelpDesk.Server.Contracts;

/// <summary>Body of <c>POST /api/v1/tickets/{number}/messages</c>; without an author the caller's key is the author.</summary>
public sealed record AddMessageRequest(string? Body, MessageVisibility? Visibility = null, AuthorBody? Author = null);
