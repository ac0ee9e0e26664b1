using HelpDesk.Core.Storage;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Tests.Storage;

/// <summary>
/// One ticket driven through the domain the way <c>TicketGrain</c> drives it: each command is decided on the
/// current state, and its events applied to a copy give the append's result. Commands are expected to be
/// accepted; the state moves on as soon as an append is built, as if it had been written.
/// </summary>
public sealed class TicketHistory(long number, TimeProvider clock)
{
    private static readonly TicketDecider Decider = new(PriorityMatrix.Default);

    public static Actor Agent { get; } = new(ActorKind.Agent, "ada", "Ada Agent");

    public long Number => number;

    public TicketState State { get; private set; } = new();

    public Actor Customer => new(ActorKind.Customer, State.Requester?.Email ?? DefaultOpening.Requester.Email);

    public OpenTicket DefaultOpening => new(
        $"Ticket {number}",
        $"Description of ticket {number}",
        new Requester($"customer{number}@example.com", "Casey Customer", "en", "Europe/Paris", "Contoso"));

    public TicketAppend Open(Func<OpenTicket, OpenTicket>? customise = null) =>
        Commit(Decider.Open(State, number, customise is null ? DefaultOpening : customise(DefaultOpening), Agent, clock.GetUtcNow()));

    public TicketAppend Reply(string body) => Message(new AddMessage(body, MessageVisibility.Public, Agent));

    public TicketAppend CustomerReply(string body) => Message(new AddMessage(body, MessageVisibility.Public, Customer));

    public TicketAppend Note(string body) => Message(new AddMessage(body, MessageVisibility.Internal, Agent));

    public TicketAppend Update(UpdateTicket update) => Commit(Decider.Update(State, update, Agent, clock.GetUtcNow()));

    public TicketAppend Link(ExternalLink link) => Commit(TicketDecider.LinkExternalIssue(State, link, Agent, clock.GetUtcNow()));

    /// <summary>Any decision about this ticket (an SLA policy applied, crossings recorded), appended as the grain would.</summary>
    public TicketAppend Decide(Func<TicketState, Decision> decide) => Commit(decide(State));

    /// <summary>The same ticket as another activation sees it now: what it decides later is stale once this one moves on.</summary>
    public TicketHistory Fork() => new(number, clock) { State = State.Copy() };

    private TicketAppend Message(AddMessage message) => Commit(TicketDecider.AddMessage(State, message, clock.GetUtcNow()));

    private TicketAppend Commit(Decision decision)
    {
        if (decision.Rejection is { } rejection)
        {
            throw new InvalidOperationException($"The domain refused a test command: {rejection.Field}: {rejection.Message}");
        }

        var result = State.Copy();
        foreach (var @event in decision.Events)
        {
            result.Apply(@event);
        }

        var append = new TicketAppend(number, State.Version, decision.Events, result);
        State = result;
        return append;
    }
}
