using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Sla;

/// <summary>One target's standing on a ticket at a moment.</summary>
/// <param name="Kind">Which target.</param>
/// <param name="State">Where it stands.</param>
/// <param name="StartedAt">When its clock started (null: not running, e.g. no customer reply awaiting an answer).</param>
/// <param name="DueAt">When it is (or was) due; null while the clock stands in a pause.</param>
/// <param name="WarnAt">When 75 % (the policy's warning share) of it is used.</param>
/// <param name="StoppedAt">When it was met (or the reply came late).</param>
public sealed record SlaTargetStatus(SlaTargetKind Kind, SlaState State, DateTimeOffset? StartedAt, DateTimeOffset? DueAt, DateTimeOffset? WarnAt, DateTimeOffset? StoppedAt);

/// <summary>
/// The SLA policy applied to a ticket, with its targets, and which warnings and breaches the ticket has recorded. The
/// clocks are not stored: they follow from the ticket's own times (opened, first reply, awaited reply, solved) and its
/// pauses, so replaying the events gives the same due times.
/// </summary>
public sealed record TicketSla(string PolicyId, string PolicyName, IReadOnlyList<SlaTarget> Targets, double WarningShare)
{
    /// <summary>The policy's revision when applied: a saved change to the policy applies again.</summary>
    public string? Revision { get; init; }

    /// <summary>Targets whose warning was recorded, with the start of the cycle it was for (next response restarts).</summary>
    public IReadOnlyDictionary<SlaTargetKind, DateTimeOffset> Warned { get; init; } = new Dictionary<SlaTargetKind, DateTimeOffset>();

    public IReadOnlyDictionary<SlaTargetKind, DateTimeOffset> Breached { get; init; } = new Dictionary<SlaTargetKind, DateTimeOffset>();

    public IReadOnlyList<SlaTargetStatus> Evaluate(TicketState ticket, DateTimeOffset now) =>
        [.. Targets.Select(target => Evaluate(target, ticket, now))];

    /// <summary>The ticket's overall standing: the worst running target's (breached, warning, ok), else paused, else met.</summary>
    public static SlaState Overall(IReadOnlyList<SlaTargetStatus> targets) =>
        targets.Where(t => t.StartedAt is not null).Select(t => t.State).DefaultIfEmpty(SlaState.Met)
            .OrderBy(s => s switch { SlaState.Breached => 0, SlaState.Warning => 1, SlaState.Ok => 2, SlaState.Paused => 3, _ => 4 }).First();

    /// <summary>When the SLA watch must look at the ticket next: the earliest warning or breach not yet recorded.</summary>
    public DateTimeOffset? NextCheck(IReadOnlyList<SlaTargetStatus> targets) =>
        targets.Where(t => t.StartedAt is { } started && t.StoppedAt is null)
            .SelectMany(t => new[]
            {
                Warned.TryGetValue(t.Kind, out var w) && w == t.StartedAt ? null : t.WarnAt,
                Breached.TryGetValue(t.Kind, out var b) && b == t.StartedAt ? null : t.DueAt,
            })
            .Where(at => at is not null).Min();

    private SlaTargetStatus Evaluate(SlaTarget target, TicketState ticket, DateTimeOffset now)
    {
        var (started, stopped) = target.Kind switch
        {
            SlaTargetKind.FirstResponse => ((DateTimeOffset?)ticket.CreatedAt, ticket.FirstAgentReplyAt),
            SlaTargetKind.NextResponse => (ticket.AwaitingReplySince, (DateTimeOffset?)null),
            _ => ((DateTimeOffset?)ticket.CreatedAt, ticket.Status is TicketStatus.Solved or TicketStatus.Closed ? ticket.SolvedAt : null),
        };
        if (started is not { } start)
        {
            return new SlaTargetStatus(target.Kind, SlaState.Met, null, null, null, null);
        }

        var due = SlaClock.InstantAfter(target.Calendar, start, ticket.SlaPauses, target.Duration);
        var warn = SlaClock.InstantAfter(target.Calendar, start, ticket.SlaPauses, target.Duration * WarningShare);
        var state = stopped is { } met ? (due is { } d && met > d ? SlaState.Breached : SlaState.Met)
            : due is not { } dueAt ? SlaState.Paused
            : now >= dueAt ? SlaState.Breached
            : warn is { } warnAt && now >= warnAt ? SlaState.Warning
            : SlaState.Ok;
        return new SlaTargetStatus(target.Kind, state, start, due, warn, stopped);
    }
}
