using System.Text.Json;
using HelpDesk.Core.Storage;
using HelpDesk.Domain.Routing;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Core.Routing;

/// <summary>Agents and queues as stored: JSON documents, plus each agent's presence (written by its grain).</summary>
public sealed class RoutingStore(Database database, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = SettingsJson.Options;
    private readonly DocumentTable<Queue> _queues = new(database, time, "queues", SettingsJson.Options);

    private static readonly string OpenStatuses = string.Join(", ", new[] { TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.OnHold }.Select(s => $"'{Names.Of(s)}'"));

    /// <summary>Saves an agent; true when it is new. Presence is kept across edits.</summary>
    public async Task<bool> SaveAgentAsync(Agent agent, CancellationToken cancellationToken)
    {
        var existed = await GetAgentAsync(agent.Id, cancellationToken) is not null;
        await database.ExecuteAsync(
            "INSERT INTO agents (id, kind, data, updated_at) VALUES (@id, @kind, @data, @at) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, data = excluded.data, updated_at = excluded.updated_at",
            c => c.With("@id", agent.Id).With("@kind", Names.Of(agent.Kind)).With("@data", JsonSerializer.Serialize(agent, Json)).With("@at", UnixTime.ToMs(time.GetUtcNow())),
            cancellationToken);
        return !existed;
    }

    public async Task<AgentRecord?> GetAgentAsync(string id, CancellationToken cancellationToken) =>
        await QueryAgentsAsync("WHERE id = @id", c => c.With("@id", id), cancellationToken) is [var agent, ..] ? agent : null;

    public Task<IReadOnlyList<AgentRecord>> ListAgentsAsync(AgentKind? kind, CancellationToken cancellationToken) =>
        kind is { } k
            ? QueryAgentsAsync("WHERE kind = @kind ORDER BY id", c => c.With("@kind", Names.Of(k)), cancellationToken)
            : QueryAgentsAsync("ORDER BY id", _ => { }, cancellationToken);

    public Task<bool> DeleteAgentAsync(string id, CancellationToken cancellationToken) => database.DeleteByIdAsync("agents", id, cancellationToken);

    public async Task SavePresenceAsync(string agentId, Presence presence, DateTimeOffset since, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE agents SET presence = @presence, presence_since = @since WHERE id = @id",
            c => c.With("@id", agentId).With("@presence", Names.Of(presence)).With("@since", UnixTime.ToMs(since)),
            cancellationToken);

    public Task<bool> SaveQueueAsync(Queue queue, CancellationToken cancellationToken) => _queues.SaveAsync(queue.Id, queue, cancellationToken);

    public Task<Queue?> GetQueueAsync(string id, CancellationToken cancellationToken) => _queues.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<Queue>> ListQueuesAsync(CancellationToken cancellationToken) => _queues.ListAsync(cancellationToken);

    public Task<bool> DeleteQueueAsync(string id, CancellationToken cancellationToken) => _queues.DeleteAsync(id, cancellationToken);

    /// <summary>The router's view of a queue's members in one query: profile, presence and open tickets assigned to each.</summary>
    public async Task<IReadOnlyList<RoutingCandidate>> CandidatesAsync(IReadOnlyList<string> agentIds, CancellationToken cancellationToken)
    {
        if (agentIds.Count == 0)
        {
            return [];
        }

        return await database.QueryAsync(
            $"""
            SELECT a.data, a.presence, (SELECT COUNT(*) FROM tickets t WHERE t.assignee = a.id AND t.status IN ({OpenStatuses}))
            FROM agents a WHERE a.id IN ({DbCommandExtensions.ListOf("a", agentIds.Count)})
            """,
            c => c.WithEach("a", agentIds),
            r => new RoutingCandidate(JsonSerializer.Deserialize<Agent>(r.GetString(0), Json)!, Names.Parse<Presence>(r.GetString(1)), Convert.ToInt32(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)),
            cancellationToken);
    }

    /// <summary>Several agents in one query (those that exist), for a queue's members.</summary>
    public async Task<IReadOnlyList<AgentRecord>> GetAgentsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await QueryAgentsAsync($"WHERE id IN ({DbCommandExtensions.ListOf("id", ids.Count)})", c => c.WithEach("id", ids), cancellationToken);

    private Task<IReadOnlyList<AgentRecord>> QueryAgentsAsync(string where, Action<System.Data.Common.DbCommand> bind, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"SELECT data, presence, presence_since FROM agents {where}",
            bind,
            r => new AgentRecord(JsonSerializer.Deserialize<Agent>(r.GetString(0), Json)!, Names.Parse<Presence>(r.GetString(1)), r.GetInt64(2) == 0 ? null : UnixTime.FromMs(r.GetInt64(2))),
            cancellationToken);
}

/// <summary>An agent with presence as last reported (<see cref="PresenceSince"/> null when never).</summary>
public sealed record AgentRecord(Agent Agent, Presence Presence, DateTimeOffset? PresenceSince);
