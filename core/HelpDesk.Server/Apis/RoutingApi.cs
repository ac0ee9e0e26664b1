using HelpDesk.Core.Routing;
using HelpDesk.Domain.Routing;
using HelpDesk.Server.Contracts;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

/// <summary>
/// <c>/api/v1/agents</c> and <c>/api/v1/queues</c>: admins define them (PUT is create-or-replace, keyed by id), the
/// support team reads them; agents report presence. Customer-bound keys see none of it.
/// </summary>
public static class RoutingApi
{
    public static IEndpointRouteBuilder MapRoutingApiV1(this IEndpointRouteBuilder routes)
    {
        var agents = routes.MapGroup("/api/v1/agents").WithTags("Agents");
        agents.MapGet("/", ListAgentsAsync).RequireAuthorization(Policies.Tickets).WithName("ListAgents");
        agents.MapGet("/{id}", GetAgentAsync).RequireAuthorization(Policies.Tickets).WithName("GetAgent");
        agents.MapPut("/{id}", SaveAgentAsync).RequireAuthorization(Policies.Admin).WithName("SaveAgent");
        agents.MapDelete("/{id}", async (string id, RoutingStore store, CancellationToken ct) =>
            await store.DeleteAgentAsync(id, ct) ? Results.NoContent() : ApiProblems.NoSuch("agent", id)).RequireAuthorization(Policies.Admin).WithName("DeleteAgent");
        agents.MapPut("/{id}/presence", SetPresenceAsync).RequireAuthorization(Policies.Tickets).WithName("SetAgentPresence");

        var queues = routes.MapGroup("/api/v1/queues").WithTags("Queues");
        queues.MapGet("/", async (HttpContext http, RoutingStore store, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "the support team's agents and queues") ?? Results.Json(new ItemsResponse<Queue>(await store.ListQueuesAsync(ct)), ApiJson.Options))
            .RequireAuthorization(Policies.Tickets).WithName("ListQueues");
        queues.MapGet("/{id}", async (string id, HttpContext http, RoutingStore store, CancellationToken ct) =>
            StaffRequests.HiddenFromCustomers(http, "the support team's agents and queues") ?? (await store.GetQueueAsync(id, ct) is { } queue ? Results.Json(queue, ApiJson.Options) : ApiProblems.NoSuch("queue", id)))
            .RequireAuthorization(Policies.Tickets).WithName("GetQueue");
        queues.MapPut("/{id}", SaveQueueAsync).RequireAuthorization(Policies.Admin).WithName("SaveQueue");
        queues.MapDelete("/{id}", async (string id, RoutingStore store, CancellationToken ct) =>
            await store.DeleteQueueAsync(id, ct) ? Results.NoContent() : ApiProblems.NoSuch("queue", id)).RequireAuthorization(Policies.Admin).WithName("DeleteQueue");
        return routes;
    }

    private static async Task<IResult> ListAgentsAsync(HttpContext http, string? kind, RoutingStore store, CancellationToken cancellationToken)
    {
        if (StaffRequests.HiddenFromCustomers(http, "the support team's agents and queues") is { } hidden)
        {
            return hidden;
        }

        AgentKind? only = null;
        if (kind is not null)
        {
            if (!Core.Storage.Names.TryParse<AgentKind>(kind, out var parsed))
            {
                return ApiProblems.BadRequest("kind", "kind is full or occasional.");
            }

            only = parsed;
        }

        var items = await store.ListAgentsAsync(only, cancellationToken);
        return Results.Json(new ItemsResponse<AgentResponse>([.. items.Select(AgentResponse.From)]), ApiJson.Options);
    }

    private static async Task<IResult> GetAgentAsync(string id, HttpContext http, RoutingStore store, CancellationToken cancellationToken) =>
        StaffRequests.HiddenFromCustomers(http, "the support team's agents and queues")
            ?? (await store.GetAgentAsync(id, cancellationToken) is { } agent ? Results.Json(AgentResponse.From(agent), ApiJson.Options) : ApiProblems.NoSuch("agent", id));

    private static async Task<IResult> SaveAgentAsync(string id, HttpContext http, RoutingStore store, CancellationToken cancellationToken)
    {
        var (body, _, problem) = await JsonBody.ReadAsync<AgentRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var agent = body!.ToAgent(id);
        if (RoutingInput.Check(agent) is { } rejection)
        {
            return ApiProblems.From(rejection);
        }

        var created = await store.SaveAgentAsync(agent, cancellationToken);
        return Results.Json(AgentResponse.From((await store.GetAgentAsync(id, cancellationToken))!), ApiJson.Options, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> SetPresenceAsync(string id, HttpContext http, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (_, body, problem) = await StaffRequests.ReadAsync<PresenceRequest>(http, "Only the support team reports presence.", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Presence is not { } presence)
        {
            return ApiProblems.Field(StatusCodes.Status422UnprocessableEntity, "presence", "presence is online, away or offline.");
        }

        return await grains.GetGrain<IAgentGrain>(id).SetPresence(presence) is { } now ? Results.Json(now, ApiJson.Options) : ApiProblems.NoSuch("agent", id);
    }

    private static async Task<IResult> SaveQueueAsync(string id, HttpContext http, RoutingStore store, CancellationToken cancellationToken)
    {
        var (body, _, problem) = await JsonBody.ReadAsync<QueueRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var queue = body!.ToQueue(id);
        if (RoutingInput.Check(queue) is { } rejection)
        {
            return ApiProblems.From(rejection);
        }

        foreach (var member in queue.Members)
        {
            if (await store.GetAgentAsync(member, cancellationToken) is null)
            {
                return ApiProblems.Field(StatusCodes.Status422UnprocessableEntity, "members", $"There is no agent '{member}'; create it first.");
            }
        }

        var created = await store.SaveQueueAsync(queue, cancellationToken);
        return Results.Json(queue, ApiJson.Options, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }


}
