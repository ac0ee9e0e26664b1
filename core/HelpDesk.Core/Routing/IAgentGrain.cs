using HelpDesk.Domain.Routing;

namespace HelpDesk.Core.Routing;

/// <summary>One agent's presence, keyed by agent id: the single writer of it, so concurrent reports settle in order.</summary>
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Records a presence change; null when there is no such agent.</summary>
    Task<AgentPresence?> SetPresence(Presence presence);

    Task<AgentPresence?> GetPresence();
}
