using HelpDesk.Core.Security;

namespace HelpDesk.Server.Contracts;

/// <summary><c>key</c> is the secret: present only in the answer to the create, never again.</summary>
public sealed record ApiKeyResponse(string Id, string Name, ApiKeyScope Scope, string? CustomerEmail, string Prefix, DateTimeOffset CreatedAt, string? Key = null)
{
    public string? AgentId { get; init; }

    public static ApiKeyResponse From(ApiKey key, string? secret = null) =>
        new(key.Id, key.Name, key.Scope, key.CustomerEmail, key.Prefix, key.CreatedAt, secret) { AgentId = key.AgentId };
}
