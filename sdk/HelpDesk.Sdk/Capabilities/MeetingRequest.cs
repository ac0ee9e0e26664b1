namespace HelpDesk.Sdk.Capabilities;

/// <summary>A meeting to schedule for a ticket. Optional members may be added over time.</summary>
/// <param name="Ticket">The ticket's number.</param>
/// <param name="Topic">The meeting's title.</param>
/// <param name="StartsAt">When it starts, in UTC.</param>
/// <param name="TimeZone">The IANA time zone it is shown in (<c>Asia/Seoul</c>), usually the customer's.</param>
/// <param name="Duration">How long it is planned to last.</param>
/// <param name="IdempotencyKey">The same for every attempt at scheduling this meeting.</param>
public sealed record MeetingRequest(long Ticket, string Topic, DateTimeOffset StartsAt, string TimeZone, TimeSpan Duration, string IdempotencyKey)
{
    /// <summary>Who is invited: the customer, the agent, others.</summary>
    public IReadOnlyList<MeetingAttendee> Attendees { get; init; } = [];

    /// <summary>An agenda or description, plain text.</summary>
    public string? Agenda { get; init; }
}
