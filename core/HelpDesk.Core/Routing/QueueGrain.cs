using HelpDesk.Core.Tickets;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Routing;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Routing;

/// <summary>
/// Routes tickets within one queue. The round-robin turn is kept in memory: after a restart the rotation starts again
/// from the first agent, which shifts whose turn it is once and never assigns twice.
/// </summary>
public sealed class QueueGrain(RoutingStore store, TicketCommands commands, TimeProvider time) : Grain, IQueueGrain
{
    public static readonly Actor Routing = new(ActorKind.System, "routing", "Routing");

    private string? _lastAssigned;

    public async Task<RoutingDecision> Assign(long ticket, RoutingRequest request)
    {
        if (await store.GetQueueAsync(this.GetPrimaryKeyString(), CancellationToken.None) is not { } queue)
        {
            return RoutingDecision.Nobody($"there is no queue '{this.GetPrimaryKeyString()}'");
        }

        var candidates = await store.CandidatesAsync(queue.Members, CancellationToken.None);
        var asked = request with
        {
            Skills = [.. request.Skills.Union(queue.RequiredSkills, StringComparer.OrdinalIgnoreCase)],
            OnlineOnly = request.OnlineOnly && queue.OnlineOnly,
        };
        var decision = Router.Pick(candidates, asked, queue.Strategy, _lastAssigned, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (decision.Agent is not { } agent)
        {
            if (queue.Strategy != AssignmentStrategy.Manual)
            {
                // Said on the ticket, so whoever looks at an unassigned ticket in an automatic queue sees why.
                await commands.AddMessageAsync(ticket, new AddMessage($"Not assigned automatically ({queue.Name}): {decision.Reason}.", MessageVisibility.Internal, Routing), expectedVersion: null);
            }

            return decision;
        }

        var update = new UpdateTicket { Assignee = new Change<string?>(agent.Id), Queue = new Change<string?>(queue.Id), Reason = $"{queue.Name}: {decision.Reason}" };
        var result = await commands.UpdateAsync(ticket, update, Routing, expectedVersion: null);
        if (result.Rejection is { } rejection)
        {
            return RoutingDecision.Nobody($"the ticket refused the assignment: {rejection.Message}");
        }

        _lastAssigned = agent.Id;
        return decision;
    }
}
