using HelpDesk.Server.Http;

namespace HelpDesk.Server.Security;

/// <summary>Requests only the support team's keys may make (agents, admins, integrations not bound to a customer).</summary>
public static class StaffRequests
{
    /// <summary>The caller and its JSON body; a customer-bound key gets 403 naming the scope, a bad body its problem.</summary>
    /// <param name="refusal">What a customer's key is told it cannot do.</param>
    public static async Task<(Caller Caller, T? Body, IResult? Problem)> ReadAsync<T>(HttpContext http, string refusal, CancellationToken cancellationToken)
        where T : class
    {
        var caller = Caller.From(http.User);
        if (caller.IsCustomer)
        {
            return (caller, null, ApiProblems.Field(StatusCodes.Status403Forbidden, "scope", refusal));
        }

        var (body, _, problem) = await JsonBody.ReadAsync<T>(http.Request, cancellationToken);
        return (caller, body, problem);
    }

    /// <summary>403 for a customer-bound key asking to see the support team's settings; null for anyone else.</summary>
    /// <param name="what">What they may not see, as a sentence's object ("the support team's rules").</param>
    public static IResult? HiddenFromCustomers(HttpContext http, string what) =>
        Caller.From(http.User).IsCustomer ? ApiProblems.Field(StatusCodes.Status403Forbidden, "scope", $"Customer keys cannot see {what}.") : null;
}
