using HelpDesk.Core.Security;

namespace HelpDesk.Server.Security;

public static class Policies
{
    /// <summary>Any valid key; what a customer-bound key may see is narrowed inside each endpoint.</summary>
    public const string Tickets = "tickets";

    public const string Admin = "admin";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Tickets, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Admin, p => p.RequireClaim(Caller.ScopeClaim, nameof(ApiKeyScope.Admin)));
    }
}
