namespace HelpDesk.Domain.Routing;

/// <summary>An agent's presence and since when (null when never reported).</summary>
public sealed record AgentPresence(Presence Presence, DateTimeOffset? Since);
