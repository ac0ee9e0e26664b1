namespace HelpDesk.Domain.Tickets;

public enum ActorKind
{
    Customer,
    Agent,
    Integration,
    System,
}

/// <summary>Who did something: every event carries one, which makes the event log the audit trail.</summary>
public sealed record Actor(ActorKind Kind, string Id, string? Name = null)
{
    public static Actor System { get; } = new(ActorKind.System, "system");
}
