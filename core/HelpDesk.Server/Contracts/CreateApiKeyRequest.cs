using HelpDesk.Core.Security;

namespace HelpDesk.Server.Contracts;

/// <summary>A <c>customerEmail</c> binds an integration key to one customer's tickets and public messages.</summary>
public sealed record CreateApiKeyRequest(string? Name, ApiKeyScope? Scope, string? CustomerEmail = null, string? AgentId = null);
