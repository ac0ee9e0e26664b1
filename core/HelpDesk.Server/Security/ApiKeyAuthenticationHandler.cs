using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HelpDesk.Server.Security;

/// <summary><c>Authorization: Bearer &lt;key&gt;</c>; failures answer 401/403 as problem documents.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyCache keys,
    HelpDesk.Core.Routing.RoutingStore agents,
    TimeProvider time,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length > 512)
        {
            return AuthenticateResult.Fail("Use 'Authorization: Bearer <api key>'.");
        }

        var key = await keys.FindAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        if (key.AgentId is not { } agentId)
        {
            return AuthenticateResult.Success(new AuthenticationTicket(Caller.Principal(key, SchemeName), SchemeName));
        }

        // An agent's own key follows the agent: removed, it stops working; occasional, it is limited to their queues and dates.
        if (await agents.GetAgentAsync(agentId, Context.RequestAborted) is not { } record)
        {
            return AuthenticateResult.Fail($"The agent '{agentId}' this key belongs to no longer exists.");
        }

        var agent = record.Agent;
        if (agent.Kind == HelpDesk.Domain.Routing.AgentKind.Occasional && !agent.HasAccessOn(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)))
        {
            return AuthenticateResult.Fail($"The occasional agent '{agentId}' has access from {agent.AccessFrom?.ToString("O") ?? "the start"} to {agent.AccessUntil?.ToString("O") ?? "no end"}, not today.");
        }

        var queues = agent.Kind == HelpDesk.Domain.Routing.AgentKind.Occasional ? agent.Queues : null;
        return AuthenticateResult.Success(new AuthenticationTicket(Caller.Principal(key, SchemeName, queues), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message ?? "This endpoint needs 'Authorization: Bearer <api key>'.";
        await WriteProblemAsync("Authorization", failure);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync("Authorization", "This API key's scope does not allow this request.");
    }

    private Task WriteProblemAsync(string field, string detail) => problems.WriteAsync(new ProblemDetailsContext
    {
        HttpContext = Context,
        ProblemDetails =
        {
            Status = Response.StatusCode,
            Detail = detail,
            Extensions = { ["field"] = field },
        },
    }).AsTask();
}
