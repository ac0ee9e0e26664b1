namespace HelpDesk.Sdk.Tickets;

/// <summary>A customer: the requester of tickets.</summary>
/// <param name="Email">Their address; it identifies them.</param>
/// <param name="Name">Their display name.</param>
/// <param name="Language">A BCP 47 tag such as <c>pt-BR</c>.</param>
/// <param name="TimeZone">An IANA time zone such as <c>Europe/Paris</c>.</param>
/// <param name="Organization">Their company.</param>
public sealed record Customer(string Email, string? Name = null, string? Language = null, string? TimeZone = null, string? Organization = null);
