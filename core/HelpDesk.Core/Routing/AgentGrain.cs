using HelpDesk.Core.Storage;
using HelpDesk.Domain.Routing;

namespace HelpDesk.Core.Routing;

/// <summary>
/// Keeps an agent's presence and writes each change to the store, where the router reads a whole queue's presence in
/// one query (instead of one grain call per member) and where it survives this grain's deactivation and restarts.
/// </summary>
public sealed class AgentGrain(RoutingStore store, TimeProvider time) : Grain, IAgentGrain
{
    private AgentPresence? _presence;

    public async Task<AgentPresence?> SetPresence(Presence presence)
    {
        if (await GetPresence() is not { } current)
        {
            return null;
        }

        if (current.Presence != presence || current.Since is null)
        {
            // At the store's precision, so what this returns is what a later read shows.
            var now = UnixTime.FromMs(UnixTime.ToMs(time.GetUtcNow()));
            await store.SavePresenceAsync(this.GetPrimaryKeyString(), presence, now, CancellationToken.None);
            _presence = new AgentPresence(presence, now);
        }

        return _presence;
    }

    public async Task<AgentPresence?> GetPresence()
    {
        if (_presence is null && await store.GetAgentAsync(this.GetPrimaryKeyString(), CancellationToken.None) is { } agent)
        {
            _presence = new AgentPresence(agent.Presence, agent.PresenceSince);
        }

        return _presence;
    }
}
