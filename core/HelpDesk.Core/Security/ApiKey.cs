namespace HelpDesk.Core.Security;

/// <summary>A key's record; the secret itself is never stored, only its SHA-256 hash.</summary>
public sealed record ApiKey(string Id, string Name, ApiKeyScope Scope, string? CustomerEmail, string Prefix, DateTimeOffset CreatedAt)
{
    /// <summary>The agent whose own key this is (agent scope only): events name them, and an occasional agent's key is limited.</summary>
    public string? AgentId { get; init; }
}
