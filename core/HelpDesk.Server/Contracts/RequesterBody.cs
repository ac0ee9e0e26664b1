namespace HelpDesk.Server.Contracts;

public sealed record RequesterBody(string? Email, string? Name = null, string? Language = null, string? TimeZone = null, string? Organization = null);
