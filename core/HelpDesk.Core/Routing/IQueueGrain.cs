using HelpDesk.Domain.Routing;

namespace HelpDesk.Core.Routing;

/// <summary>
/// One queue's assignments, keyed by queue id. Assigning goes through it one at a time, so round-robin turns and
/// least-loaded counts are never raced by a concurrent assignment in the same queue.
/// </summary>
public interface IQueueGrain : IGrainWithStringKey
{
    /// <summary>Picks an agent for the ticket by the queue's strategy and assigns it, with the reason on the event.</summary>
    Task<RoutingDecision> Assign(long ticket, RoutingRequest request);
}
