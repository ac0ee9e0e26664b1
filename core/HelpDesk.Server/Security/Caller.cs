using System.Security.Claims;
using HelpDesk.Core.Security;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Server.Security;

/// <summary>Who is calling, read from the claims the API-key handler set.</summary>
public sealed record Caller(string KeyId, string KeyName, ApiKeyScope Scope, string? CustomerEmail)
{
    public const string ScopeClaim = "helpdesk:scope";
    public const string CustomerClaim = "helpdesk:customer";
    public const string AgentClaim = "helpdesk:agent";
    public const string OccasionalQueuesClaim = "helpdesk:occasional-queues";

    /// <summary>The agent whose own key this is, or null.</summary>
    public string? AgentId { get; init; }

    /// <summary>For an occasional agent's key, the queues they may see (besides tickets assigned to them); null otherwise.</summary>
    public IReadOnlyList<string>? OccasionalQueues { get; init; }

    /// <summary>A key bound to one customer: sees only that customer's tickets and never internal notes.</summary>
    public bool IsCustomer => CustomerEmail is not null;

    public Actor Actor => IsCustomer
        ? new Actor(ActorKind.Customer, CustomerEmail!)
        : new Actor(Scope == ApiKeyScope.Integration ? ActorKind.Integration : ActorKind.Agent, AgentId ?? $"api-key:{KeyId}", KeyName);

    public bool MaySee(TicketState ticket) =>
        OccasionalQueues is { } queues
            ? string.Equals(ticket.Assignee, AgentId, StringComparison.Ordinal) || (ticket.Queue is { } queue && queues.Contains(queue, StringComparer.Ordinal))
            : !IsCustomer || string.Equals(ticket.Requester?.Email, CustomerEmail, StringComparison.OrdinalIgnoreCase);

    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request was not authenticated."),
        user.FindFirstValue(ClaimTypes.Name) ?? "",
        Enum.Parse<ApiKeyScope>(user.FindFirstValue(ScopeClaim)!),
        user.FindFirstValue(CustomerClaim))
    {
        AgentId = user.FindFirstValue(AgentClaim),
        OccasionalQueues = user.FindFirstValue(OccasionalQueuesClaim) is { } queues ? queues.Split(',', StringSplitOptions.RemoveEmptyEntries) : null,
    };

    /// <param name="occasionalQueues">The queues of an occasional agent's key, or null for every other key.</param>
    public static ClaimsPrincipal Principal(ApiKey key, string scheme, IReadOnlyList<string>? occasionalQueues = null) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, key.Id),
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(ScopeClaim, key.Scope.ToString()),
            .. key.CustomerEmail is null ? Array.Empty<Claim>() : [new Claim(CustomerClaim, key.CustomerEmail)],
            .. key.AgentId is null ? Array.Empty<Claim>() : [new Claim(AgentClaim, key.AgentId)],
            .. occasionalQueues is null ? Array.Empty<Claim>() : [new Claim(OccasionalQueuesClaim, string.Join(',', occasionalQueues))],
        ],
        scheme));
}
