namespace HelpDesk.Core.Meetings;

/// <summary>An agent's request for a meeting about a ticket; everything may be left out.</summary>
/// <param name="Topic">The meeting's title; the ticket's number and subject by default.</param>
/// <param name="StartAt">When it starts; now by default (a call straight away).</param>
/// <param name="DurationMinutes">How long it is planned for; 30 minutes by default.</param>
/// <param name="Provider">Which meeting provider (<c>zoom</c>); the only one running by default.</param>
/// <param name="TimeZone">The IANA zone it is shown in; the requester's by default.</param>
/// <param name="ShareWithCustomer">Whether the join link is posted to the customer as a public reply.</param>
/// <param name="Message">The reply's text; the join link is added when the text lacks it.</param>
public sealed record MeetingOrder(
    string? Topic, DateTimeOffset? StartAt, int? DurationMinutes, string? Provider, string? TimeZone, bool ShareWithCustomer, string? Message);
