using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Sdk.Testing;

/// <summary>
/// Loads one plugin as the hub does: its <see cref="PluginContext"/> carries the plugin id, its configuration section and
/// a service collection that already holds <see cref="IHelpDeskApi"/> (the harness's <see cref="RecordingHelpDeskApi"/>),
/// <see cref="IPluginState"/> (a <see cref="MemoryPluginState"/>),
/// <see cref="TimeProvider"/> and logging. Then a test delivers events and webhook calls to the plugin's capabilities.
/// Exceptions a capability throws reach the test, where the hub would retry the event or answer 502.
/// </summary>
/// <typeparam name="TPlugin">The plugin's entry point.</typeparam>
public sealed class PluginHarness<TPlugin> : IAsyncDisposable
    where TPlugin : IHelpDeskPlugin, new()
{
    private readonly ServiceProvider _provider;

    /// <summary>Creates the plugin, calls its <see cref="IHelpDeskPlugin.Register"/> and builds its service provider.</summary>
    /// <param name="configuration">The plugin's settings, keyed relative to its section (<c>"Secret"</c>, <c>"Jira:BaseUrl"</c>).</param>
    /// <param name="timeProvider">The clock the plugin and the fake hub see; the system clock when null.</param>
    /// <param name="configureServices">Runs after the plugin registered, to replace its services with fakes (an HTTP handler, say).</param>
    /// <param name="pluginId">The id the plugin is loaded under.</param>
    /// <param name="state">The plugin's durable state; pass the one of an earlier harness to stand for a restart.</param>
    public PluginHarness(
        IReadOnlyDictionary<string, string?>? configuration = null,
        TimeProvider? timeProvider = null,
        Action<IServiceCollection>? configureServices = null,
        string pluginId = "test-plugin",
        MemoryPluginState? state = null)
    {
        PluginId = pluginId;
        TimeProvider = timeProvider ?? TimeProvider.System;
        Api = new RecordingHelpDeskApi(TimeProvider);
        State = state ?? new MemoryPluginState();
        Configuration = PluginConfiguration.Section(pluginId, configuration ?? new Dictionary<string, string?>());

        var services = new ServiceCollection();
        services.AddSingleton<IHelpDeskApi>(Api);
        services.AddSingleton<IPluginState>(State);
        services.AddSingleton(TimeProvider);
        services.AddLogging();
        new TPlugin().Register(new PluginContext(pluginId, Configuration, services));
        configureServices?.Invoke(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>The plugin's durable state and reported problems.</summary>
    public MemoryPluginState State { get; }

    /// <summary>The id the plugin was loaded under.</summary>
    public string PluginId { get; }

    /// <summary>The plugin's configuration section, as given to <see cref="IHelpDeskPlugin.Register"/>.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The clock given to the plugin and the fake hub.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The fake hub the plugin talks to: seed tickets in it, then assert on its tickets and <see cref="RecordingHelpDeskApi.Calls"/>.</summary>
    public RecordingHelpDeskApi Api { get; }

    /// <summary>The plugin's service provider, built from what it registered.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>Delivers an event to every <see cref="ITicketEventHandler"/> the plugin registered, in registration order.</summary>
    /// <param name="ticketEvent">The event; <see cref="TicketEvents"/> builds common ones.</param>
    /// <param name="attempt">The delivery attempt the handlers see; more than 1 to test a retry.</param>
    /// <param name="cancellationToken">Passed to the handlers.</param>
    /// <exception cref="InvalidOperationException">The plugin registered no event handler.</exception>
    public async Task DeliverAsync(TicketEventEnvelope ticketEvent, int attempt = 1, CancellationToken cancellationToken = default)
    {
        await using var scope = _provider.CreateAsyncScope();
        var handlers = scope.ServiceProvider.GetServices<ITicketEventHandler>().ToList();
        if (handlers.Count == 0)
        {
            throw new InvalidOperationException($"{typeof(TPlugin).Name} registered no {nameof(ITicketEventHandler)}.");
        }

        foreach (var handler in handlers)
        {
            await handler.HandleAsync(new TicketEventContext(ticketEvent, attempt), cancellationToken);
        }
    }

    /// <summary>Passes a webhook call to the plugin's <see cref="IWebhookReceiver"/> and returns its answer.</summary>
    /// <param name="request">The call as the hub would receive it.</param>
    /// <param name="cancellationToken">Passed to the receiver.</param>
    /// <exception cref="InvalidOperationException">The plugin registered no webhook receiver.</exception>
    public async Task<WebhookResponse> ReceiveWebhookAsync(WebhookRequest request, CancellationToken cancellationToken = default)
    {
        await using var scope = _provider.CreateAsyncScope();
        var receiver = scope.ServiceProvider.GetService<IWebhookReceiver>()
            ?? throw new InvalidOperationException($"{typeof(TPlugin).Name} registered no {nameof(IWebhookReceiver)}.");
        return await receiver.ReceiveAsync(request, cancellationToken);
    }

    /// <summary>Posts a UTF-8 body to the plugin's webhook at <c>/hooks/{pluginId}{path}</c>, received now by <see cref="TimeProvider"/>.</summary>
    /// <param name="path">What follows <c>/hooks/{pluginId}</c>, starting with <c>/</c>.</param>
    /// <param name="body">The body, sent as its UTF-8 bytes: sign exactly these.</param>
    /// <param name="headers">The headers, such as the signature; names in any case.</param>
    /// <param name="cancellationToken">Passed to the receiver.</param>
    public Task<WebhookResponse> PostWebhookAsync(string path, string body, IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancellationToken = default) =>
        ReceiveWebhookAsync(WebhookRequests.Post(path, body, headers, TimeProvider.GetUtcNow()), cancellationToken);

    /// <summary>Disposes the plugin's service provider and the services it created.</summary>
    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
