using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Events;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Domain.Tests;

/// <summary>Tickets in a known state, built by applying events the decider produced, as the grain does.</summary>
public static class Builders
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
    public static readonly Actor Agent = new(ActorKind.Agent, "agent-1", "Bea");
    public static readonly Actor Customer = new(ActorKind.Customer, "ana@example.com", "Ana");
    public static readonly TicketDecider Decider = new(PriorityMatrix.Default);

    public static OpenTicket NewTicket(string subject = "Cannot log in") =>
        new(subject, "My password expired.", new Requester("Ana@Example.com", "Ana", "pt-BR", "America/Sao_Paulo", null));

    public static TicketState Opened(long number = 42)
    {
        var state = new TicketState();
        Apply(state, Decider.Open(state, number, NewTicket(), Agent, Now));
        return state;
    }

    public static TicketState WithStatus(TicketStatus status)
    {
        var state = Opened();
        if (status != TicketStatus.New)
        {
            Apply(state, Decider.Update(state, new UpdateTicket { Status = status }, Agent, Now));
        }

        Assert.Equal(status, state.Status);
        return state;
    }

    public static IReadOnlyList<TicketEvent> Apply(TicketState state, Decision decision)
    {
        Assert.Null(decision.Rejection);
        foreach (var @event in decision.Events)
        {
            state.Apply(@event);
        }

        return decision.Events;
    }
}
