namespace HelpDesk.Domain.Tickets;

/// <summary>The customer a ticket is for. Language is a BCP 47 tag, time zone an IANA id.</summary>
public sealed record Requester(string Email, string? Name, string? Language, string? TimeZone, string? Organization);
