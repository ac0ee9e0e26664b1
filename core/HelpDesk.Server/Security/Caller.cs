using System.Security.Claims;
using HelpDesk.Core.Security;
using HelpDesk.Domain.Tickets;

namespace HelpDesk.Server.Security;

/// <summary>Who is calling, read from the claims the API-key handler set.</summary>
public sealed record Caller(string KeyId, string KeyName, ApiKeyScope Scope, string? CustomerEmail)
{
    public const string ScopeClaim = "helpdesk:scope";
    public const string CustomerClaim = "helpdesk:customer";

    /// <summary>A key bound to one customer: sees only that customer's tickets and never internal notes.</summary>
    public bool IsCustomer => CustomerEmail is not null;

    public Actor Actor => IsCustomer
        ? new Actor(ActorKind.Customer, CustomerEmail!)
        : new Actor(Scope == ApiKeyScope.Integration ? ActorKind.Integration : ActorKind.Agent, $"api-key:{KeyId}", KeyName);

    public bool MaySee(TicketState ticket) => !IsCustomer || string.Equals(ticket.Requester?.Email, CustomerEmail, StringComparison.OrdinalIgnoreCase);

    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request was not authenticated."),
        user.FindFirstValue(ClaimTypes.Name) ?? "",
        Enum.Parse<ApiKeyScope>(user.FindFirstValue(ScopeClaim)!),
        user.FindFirstValue(CustomerClaim));

    public static ClaimsPrincipal Principal(ApiKey key, string scheme) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, key.Id),
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(ScopeClaim, key.Scope.ToString()),
            .. key.CustomerEmail is null ? Array.Empty<Claim>() : [new Claim(CustomerClaim, key.CustomerEmail)],
        ],
        scheme));
}
