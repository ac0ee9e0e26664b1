namespace HelpDesk.Domain.Meetings;

public enum MeetingStatus
{
    Scheduled,
    Started,
    Ended,
}

public enum MeetingChange
{
    Started,
    Ended,
    RecordingReady,
}

/// <summary>
/// A video meeting scheduled from a ticket. <see cref="JoinUrl"/> is for everyone invited; <see cref="StartUrl"/> is the
/// host's and <see cref="RecordingUrl"/> the team's: neither is ever shown to the customer.
/// </summary>
public sealed record TicketMeeting(string Provider, string Id, string Topic, DateTimeOffset StartsAt, TimeSpan Duration, string JoinUrl)
{
    public string? StartUrl { get; init; }

    public string? Password { get; init; }

    public MeetingStatus Status { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>How long it actually lasted, once ended.</summary>
    public TimeSpan? Lasted { get; init; }

    public string? RecordingUrl { get; init; }

    /// <summary>The scheduling request's idempotency key: a repeated request finds this meeting instead of making another.</summary>
    public string? RequestKey { get; init; }

    /// <summary>As a customer may see it: without the host's link or the recording.</summary>
    public TicketMeeting ForCustomer() => this with { StartUrl = null, RecordingUrl = null, RequestKey = null };
}
