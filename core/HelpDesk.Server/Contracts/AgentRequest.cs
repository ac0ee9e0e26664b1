using HelpDesk.Domain.Routing;

namespace HelpDesk.Server.Contracts;

/// <summary>The body of <c>PUT /api/v1/agents/{id}</c>: the whole agent (omitted lists are empty, kind is full).</summary>
public sealed record AgentRequest(
    string? Name,
    string? Email,
    AgentKind? Kind,
    IReadOnlyList<string>? Languages,
    IReadOnlyList<string>? Skills,
    string? TimeZone,
    int? Capacity,
    IReadOnlyList<string>? Queues,
    DateOnly? AccessFrom,
    DateOnly? AccessUntil,
    bool? Notify = null)
{
    public const int DefaultCapacity = 20;

    public Agent ToAgent(string id) =>
        new(id, Name?.Trim() ?? "", Email?.Trim() ?? "", Kind ?? AgentKind.Full, Languages ?? [], Skills ?? [], TimeZone, Capacity ?? DefaultCapacity)
        {
            Queues = Queues ?? [],
            AccessFrom = AccessFrom,
            AccessUntil = AccessUntil,
            Notify = Notify ?? true,
        };
}

/// <summary>An agent as the API shows it, with presence.</summary>
public sealed record AgentResponse(
    string Id, string Name, string Email, AgentKind Kind, IReadOnlyList<string> Languages, IReadOnlyList<string> Skills, string? TimeZone, int Capacity,
    IReadOnlyList<string> Queues, DateOnly? AccessFrom, DateOnly? AccessUntil, bool Notify, Presence Presence, DateTimeOffset? PresenceSince)
{
    public static AgentResponse From(Core.Routing.AgentRecord record)
    {
        var a = record.Agent;
        return new(a.Id, a.Name, a.Email, a.Kind, a.Languages, a.Skills, a.TimeZone, a.Capacity, a.Queues, a.AccessFrom, a.AccessUntil, a.Notify, record.Presence, record.PresenceSince);
    }
}

/// <summary>The body of <c>PUT /api/v1/agents/{id}/presence</c>.</summary>
public sealed record PresenceRequest(Presence? Presence);

/// <summary>The body of <c>PUT /api/v1/queues/{id}</c>.</summary>
public sealed record QueueRequest(string? Name, IReadOnlyList<string>? Members, AssignmentStrategy? Strategy, bool? OnlineOnly, IReadOnlyList<string>? RequiredSkills)
{
    public Queue ToQueue(string id) =>
        new(id, Name?.Trim() ?? "", Members ?? [], Strategy ?? AssignmentStrategy.Manual) { OnlineOnly = OnlineOnly ?? true, RequiredSkills = RequiredSkills ?? [] };
}
