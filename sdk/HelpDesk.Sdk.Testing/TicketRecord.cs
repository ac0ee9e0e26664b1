using HelpDesk.Domain.Tickets;
using HelpDesk.Sdk.Tickets;
using TicketStatus = HelpDesk.Sdk.Tickets.TicketStatus;

namespace HelpDesk.Sdk.Testing;

/// <summary>One ticket of the fake hub: its state, changed only by <see cref="Apply"/>, which counts one version per event.</summary>
internal sealed class TicketRecord(long number, NewTicket opened, DateTimeOffset createdAt)
{
    public long Number { get; } = number;

    public int Version { get; private set; } = 1;

    public TicketStatus Status { get; private set; } = TicketStatus.New;

    public TicketPriority Priority { get; private set; } = opened.Priority ?? TicketPriority.Normal;

    public SortedSet<string> Tags { get; } = new(StringComparer.Ordinal);

    /// <summary>In the hub's own form, so the hub's rules for external updates apply to it unchanged.</summary>
    public List<ExternalLink> ExternalLinks { get; } = [];

    public HashSet<string> MessageIds { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; private set; } = createdAt;

    public void Apply(DateTimeOffset at, Action change)
    {
        change();
        Version++;
        UpdatedAt = at;
    }

    public void MoveTo(TicketStatus status, DateTimeOffset at) => Apply(at, () => Status = status);

    public void SetPriority(TicketPriority priority, DateTimeOffset at) => Apply(at, () => Priority = priority);

    public TicketSnapshot Snapshot() => new(
        Number,
        Version,
        opened.Subject.Trim(),
        Status,
        Priority,
        HubRules.Normalise(opened.Requester),
        Assignee: null,
        Queue: null,
        [.. Tags],
        new Dictionary<string, string>(opened.Fields),
        HubRules.Blank(opened.ExternalId),
        [.. ExternalLinks.Select(l => new ExternalReference(l.System, l.Key, l.Url))],
        CreatedAt,
        UpdatedAt);
}
