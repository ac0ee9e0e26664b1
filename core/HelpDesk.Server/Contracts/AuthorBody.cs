namespace HelpDesk.Server.Contracts;

/// <summary>Who wrote a message. <c>role</c> is "customer" or "agent"; left out, an author whose id is the requester's email is the customer.</summary>
public sealed record AuthorBody(string? Id, string? Name = null, string? Role = null);
