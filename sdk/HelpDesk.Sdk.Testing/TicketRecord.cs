using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;
using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Sdk.Testing;

/// <summary>One ticket of the fake hub: the hub's own <see cref="TicketState"/>, changed only by applying events, one version each.</summary>
/// <param name="fields">The fields it was opened with, kept in the order given for its snapshots.</param>
internal sealed class TicketRecord(IReadOnlyDictionary<string, string> fields)
{
    public TicketState State { get; } = new();

    public long Number => State.Number;

    /// <summary>Applies what the hub's decider decided and says how many events that was, or throws its refusal.</summary>
    public int Apply(Decision decision)
    {
        if (decision.Rejection is { } rejection)
        {
            throw SdkMapping.ToException(rejection);
        }

        foreach (var @event in decision.Events)
        {
            State.Apply(@event);
        }

        return decision.Events.Count;
    }

    /// <summary>Puts the ticket in <paramref name="status"/> without the move rules, for seeding.</summary>
    public void MoveTo(Sdk.Tickets.TicketStatus status, DateTimeOffset at) =>
        State.Apply(new StatusChanged(Actor.System, at, State.Status, SdkMapping.ToDomain(status)));

    public TicketSnapshot Snapshot() => SdkMapping.ToSnapshot(State, fields);
}
