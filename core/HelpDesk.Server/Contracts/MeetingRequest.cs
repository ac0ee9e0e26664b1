namespace HelpDesk.Server.Contracts;

/// <summary>
/// <c>POST /api/v1/tickets/{n}/meetings</c>. Everything may be left out: a 30-minute call starting now, titled by the
/// ticket, in the requester's time zone, with the join link posted to the customer.
/// </summary>
/// <param name="Duration">Minutes, 5 to 1440.</param>
/// <param name="ShareWithCustomer">False keeps the link among agents (no public reply).</param>
/// <param name="Message">The public reply's text; the join link is added when missing.</param>
public sealed record MeetingRequest(
    string? Topic, DateTimeOffset? StartAt, int? Duration, string? Provider, string? TimeZone, bool? ShareWithCustomer, string? Message);
