using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Plugins;
using HelpDesk.Core.Plugins.Hosting;
using HelpDesk.Core.Storage;
using HelpDesk.Server.Http;
using HelpDesk.Server.Security;

namespace HelpDesk.Server.Apis;

/// <summary>Admins see every plugin's state, event delivery and reported problems, switch plugins on and off, and replay dead letters.</summary>
public static class PluginsApi
{
    public static IEndpointRouteBuilder MapPluginsApiV1(this IEndpointRouteBuilder routes)
    {
        var plugins = routes.MapGroup("/api/v1/plugins").RequireAuthorization(Policies.Admin).WithTags("Plugins");
        plugins.MapGet("/", ListAsync).WithName("ListPlugins");
        plugins.MapPost("/{id}/reload", (string id, PluginHost host, CancellationToken ct) => Answer(id, host.ReloadAsync(id, ct))).WithName("ReloadPlugin");
        plugins.MapPost("/{id}/enable", (string id, PluginHost host, CancellationToken ct) => Answer(id, host.EnableAsync(id, ct))).WithName("EnablePlugin");
        plugins.MapPost("/{id}/disable", (string id, PluginHost host, CancellationToken ct) => Answer(id, host.DisableAsync(id, ct))).WithName("DisablePlugin");
        plugins.MapGet("/{id}/dead-letters", DeadLettersAsync).WithName("ListPluginDeadLetters");
        plugins.MapPost("/{id}/dead-letters/replay", ReplayAsync).WithName("ReplayPluginDeadLetters");
        return routes;
    }

    private static async Task<IResult> ListAsync(PluginHost host, SubscriberCheckpoints checkpoints, ITicketEventStore events, Database database, CancellationToken cancellationToken)
    {
        var head = await events.LastPositionAsync(cancellationToken);
        var items = new List<object>();
        foreach (var status in host.List())
        {
            var subscriber = PluginEventSubscriber.NameOf(status.Id);
            var checkpoint = await checkpoints.GetAsync(subscriber, cancellationToken);
            var parked = await checkpoints.CountDeadLettersAsync(subscriber, cancellationToken);
            items.Add(new
            {
                status.Id, status.Version, status.DisplayName, status.State, status.Capabilities, status.Error, status.Since,
                Delivery = new { Checkpoint = checkpoint, Lag = head - checkpoint, DeadLetters = parked },
                Problems = await PluginStateStore.ProblemsAsync(database, status.Id, cancellationToken),
            });
        }

        return Results.Json(new { Items = items }, ApiJson.Options);
    }

    private static async Task<IResult> Answer(string id, Task<PluginStatus?> change) =>
        await change is { } status ? Results.Json(status, ApiJson.Options) : ApiProblems.NoSuch("plugin", id);

    private static async Task<IResult> DeadLettersAsync(string id, PluginHost host, SubscriberCheckpoints checkpoints, CancellationToken cancellationToken) =>
        host.Find(id) is null
            ? ApiProblems.NoSuch("plugin", id)
            : Results.Json(new { Items = await checkpoints.DeadLettersAsync(PluginEventSubscriber.NameOf(id), cancellationToken) }, ApiJson.Options);

    private static async Task<IResult> ReplayAsync(string id, PluginHost host, EventFeedService feed, SubscriberCheckpoints checkpoints, CancellationToken cancellationToken)
    {
        if (host.Find(id) is null || feed.DispatcherFor(PluginEventSubscriber.NameOf(id)) is not { } dispatcher)
        {
            return ApiProblems.NoSuch("plugin", id);
        }

        if (host.Find(id)!.Status.State != PluginState.Running)
        {
            return ApiProblems.Field(StatusCodes.Status409Conflict, "id", $"Plugin {id} is not running; enable or fix it before replaying.");
        }

        var replayed = await dispatcher.ReplayDeadLettersAsync(cancellationToken);
        var remaining = await checkpoints.CountDeadLettersAsync(PluginEventSubscriber.NameOf(id), cancellationToken);
        return Results.Json(new { Replayed = replayed, Remaining = remaining }, ApiJson.Options);
    }

}
