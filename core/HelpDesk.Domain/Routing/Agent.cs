namespace HelpDesk.Domain.Routing;

public enum AgentKind
{
    /// <summary>Works the queues day to day; takes part in automatic assignment.</summary>
    Full,

    /// <summary>
    /// Signs in only when a ticket needs them (a book's author, a field engineer): sees only the queues or tickets given
    /// to them, within an optional date range, and is never picked by round-robin or least-loaded unless a rule names them.
    /// </summary>
    Occasional,
}

public enum Presence
{
    Offline,
    Away,
    Online,
}

/// <summary>A person who works tickets.</summary>
/// <param name="Id">Stable id (<c>ana</c>), what tickets name as their assignee.</param>
/// <param name="Name">Display name.</param>
/// <param name="Email">Where notifications go.</param>
/// <param name="Kind">Full or occasional.</param>
/// <param name="Languages">BCP 47 tags they answer in (<c>ko</c>, <c>pt-BR</c>); matched on the primary language.</param>
/// <param name="Skills">Free-form skills (<c>billing</c>, <c>sql</c>) that rules and queues can ask for.</param>
/// <param name="TimeZone">IANA zone, for their working hours and the dates shown to them.</param>
/// <param name="Capacity">How many open tickets they can carry; least-loaded assignment never goes beyond it.</param>
public sealed record Agent(string Id, string Name, string Email, AgentKind Kind, IReadOnlyList<string> Languages, IReadOnlyList<string> Skills, string? TimeZone, int Capacity)
{
    /// <summary>False when the agent asked for no notification mail (assigned, customer replies, SLA, new in queue).</summary>
    public bool Notify { get; init; } = true;

    /// <summary>Occasional agents: the queues they may see (they also see tickets assigned to them).</summary>
    public IReadOnlyList<string> Queues { get; init; } = [];

    /// <summary>Occasional agents: the first day of their access, in UTC dates; null for no start.</summary>
    public DateOnly? AccessFrom { get; init; }

    /// <summary>Occasional agents: the last day of their access; null for no end.</summary>
    public DateOnly? AccessUntil { get; init; }

    public bool HasAccessOn(DateOnly day) => (AccessFrom is not { } from || day >= from) && (AccessUntil is not { } until || day <= until);

    /// <summary>Whether they answer in <paramref name="language"/>: <c>ko-KR</c> matches an agent listing <c>ko</c>, and the reverse.</summary>
    public bool Speaks(string? language) =>
        language is { Length: > 0 } && Languages.Any(own => string.Equals(PrimaryLanguage(own), PrimaryLanguage(language), StringComparison.OrdinalIgnoreCase));

    public bool HasSkills(IReadOnlyCollection<string> skills) => skills.All(s => Skills.Contains(s, StringComparer.OrdinalIgnoreCase));

    public static string PrimaryLanguage(string tag) => tag.Split('-', '_')[0];
}
