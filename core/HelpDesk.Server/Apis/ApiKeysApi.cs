using HelpDesk.Core.Security;
using HelpDesk.Domain.Commands;
using HelpDesk.Server.Contracts;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

public static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApiV1(this IEndpointRouteBuilder routes)
    {
        var keys = routes.MapGroup("/api/v1/api-keys").RequireAuthorization(Policies.Admin).WithTags("API keys");
        keys.MapPost("/", CreateAsync).WithName("CreateApiKey");
        keys.MapGet("/", async (ApiKeyStore store, CancellationToken ct) =>
            Results.Json(new ItemsResponse<ApiKeyResponse>([.. (await store.ListAsync(ct)).Select(k => ApiKeyResponse.From(k))]), ApiJson.Options))
            .WithName("ListApiKeys");
        keys.MapDelete("/{id}", async (string id, ApiKeyStore store, ApiKeyCache cache, CancellationToken ct) =>
        {
            if (!await store.RevokeAsync(id, ct))
            {
                return ApiProblems.Field(StatusCodes.Status404NotFound, "id", "There is no active API key with this id.");
            }

            cache.Forget(id);
            return Results.NoContent();
        }).WithName("RevokeApiKey");
        return routes;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ApiKeyStore store, HelpDesk.Core.Routing.RoutingStore agents, CancellationToken cancellationToken)
    {
        var (request, _, problem) = await JsonBody.ReadAsync<CreateApiKeyRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(request!.Name) || request.Name.Length > 100 || request.Name.Any(char.IsControl))
        {
            return ApiProblems.Field(StatusCodes.Status422UnprocessableEntity, "name", "name is required: 1 to 100 printable characters.");
        }

        if (request.Scope is not { } scope)
        {
            return ApiProblems.Field(StatusCodes.Status422UnprocessableEntity, "scope", "scope is required: admin, agent or integration.");
        }

        if (request.CustomerEmail is { } email && (scope != ApiKeyScope.Integration || TicketInput.Email("customerEmail", email) is not null))
        {
            return ApiProblems.Field(StatusCodes.Status422UnprocessableEntity, "customerEmail", "customerEmail is a bare email address, and only integration keys can be bound to a customer.");
        }

        if (request.AgentId is { } agentId && (scope != ApiKeyScope.Agent || await agents.GetAgentAsync(agentId, cancellationToken) is null))
        {
            return ApiProblems.Field(StatusCodes.Status422UnprocessableEntity, "agentId", "agentId names an existing agent, and only agent keys belong to one.");
        }

        var (key, secret) = await store.CreateAsync(request.Name.Trim(), scope, request.CustomerEmail?.Trim(), null, cancellationToken, request.AgentId);
        http.Response.Headers.Location = "/api/v1/api-keys";
        return Results.Json(ApiKeyResponse.From(key, secret), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }
}
