using System.Collections.Concurrent;
using HelpDesk.Core.Alerts;
using HelpDesk.Core.EventFeed;
using HelpDesk.Core.Hosting;
using HelpDesk.Core.Plugins.Loading;
using HelpDesk.Core.Plugins.Manifests;
using HelpDesk.Core.Queries;
using HelpDesk.Core.Tickets;
using HelpDesk.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpDesk.Core.Plugins.Hosting;

/// <summary>
/// Finds plugins in the plugins folder, loads each into its own context, and swaps in a new version when a plugin's
/// files change: the new version is loaded beside the old, started, swapped in, and the old one drained and unloaded.
/// A plugin that fails stays <see cref="PluginState.Faulted"/> with its error; the rest of the hub runs on.
/// </summary>
public sealed partial class PluginHost(
    IOptions<HelpDeskOptions> options,
    IOptions<PluginHostOptions> hostOptions,
    IHostEnvironment environment,
    IPluginLoader loader,
    PluginSettings settings,
    PluginHubServices hub,
    IConfiguration configuration,
    EventSubscribers subscribers,
    SubscriberCheckpoints checkpoints,
    FeedSignal signal,
    ILoggerFactory loggers,
    TimeProvider time,
    PluginVersionChanges versionChanges) : IHostedService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, PluginSlot> _slots = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggers.CreateLogger<PluginHost>();
    private readonly List<Task> _retiring = [];
    private PluginFolderWatcher? _watcher;

    public string PluginsDirectory { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PluginsDirectory));

    public IReadOnlyList<PluginStatus> List() => [.. _slots.Values.Select(s => s.Status).OrderBy(s => s.Id, StringComparer.Ordinal)];

    public PluginSlot? Find(string id) => _slots.GetValueOrDefault(id);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(PluginsDirectory);
        foreach (var folder in Directory.GetDirectories(PluginsDirectory))
        {
            await LoadAsync(Path.GetFileName(folder), cancellationToken);
        }

        _watcher = new PluginFolderWatcher(PluginsDirectory, hostOptions.Value.ReloadDelay, time, ReloadInBackground);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null)
        {
            await _watcher.DisposeAsync();
        }

        foreach (var slot in _slots.Values)
        {
            Retire(slot);
        }

        Task[] retiring;
        lock (_retiring)
        {
            retiring = [.. _retiring];
        }

        await Task.WhenAll(retiring);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    /// <summary>Loads the plugin's folder again, as a file change would; null when there is no such plugin.</summary>
    public Task<PluginStatus?> ReloadAsync(string id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    public async Task<PluginStatus?> EnableAsync(string id, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(PluginsDirectory, id)))
        {
            return null;
        }

        await settings.SetEnabledAsync(id, true, cancellationToken);
        return await LoadAsync(id, cancellationToken);
    }

    public async Task<PluginStatus?> DisableAsync(string id, CancellationToken cancellationToken)
    {
        if (Find(id) is not { } slot)
        {
            return null;
        }

        await settings.SetEnabledAsync(id, false, cancellationToken);
        await slot.Changes.WaitAsync(cancellationToken);
        try
        {
            Retire(slot);
            slot.Status = slot.Status with { State = PluginState.Disabled, Error = null, Since = time.GetUtcNow() };
            return slot.Status;
        }
        finally
        {
            slot.Changes.Release();
        }
    }

    private async Task<PluginStatus?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(PluginsDirectory, id);
        if (!Directory.Exists(folder))
        {
            if (_slots.TryRemove(id, out var removed))
            {
                Retire(removed);
                LogRemoved(id);
            }

            return null;
        }

        var slot = _slots.GetOrAdd(id, key => new PluginSlot(key, time, versionChanges));
        await slot.Changes.WaitAsync(cancellationToken);
        try
        {
            if (!await settings.IsEnabledAsync(id, cancellationToken))
            {
                Retire(slot);
                slot.Status = slot.Status with { State = PluginState.Disabled, Error = null, Since = time.GetUtcNow() };
                return slot.Status;
            }

            var (manifest, problems) = PluginManifestReader.Read(folder);
            if (manifest is null)
            {
                return Refuse(slot, string.Join("; ", problems));
            }

            slot.Status = slot.Current is null ? slot.Status with { State = PluginState.Loading, Since = time.GetUtcNow() } : slot.Status;
            LoadedPlugin loaded;
            try
            {
                // On a worker thread with a deadline: a plugin whose registration hangs must not hang the host.
                loaded = await Task.Run(() => loader.Load(manifest, configuration.GetSection($"{HelpDeskOptions.Section}:Plugins:{id}"), s => AddHostServices(s, id)), cancellationToken)
                    .WaitAsync(hostOptions.Value.CallTimeout, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                return Refuse(slot, $"Loading did not finish within {hostOptions.Value.CallTimeout.TotalSeconds:0} s.");
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                return Refuse(slot, error is PluginLoadException ? error.Message : $"{error.GetType().Name}: {error.Message}");
            }

            // Before it shows as running, so every ticket opened once it does reaches it.
            await checkpoints.StartAtEndOfLogAsync(PluginEventSubscriber.NameOf(id), cancellationToken);
            var previous = slot.Current;
            slot.Current = new PluginVersion(loaded, hostOptions.Value, time);
            slot.Status = new PluginStatus(id, manifest.Version.ToNormalizedString(), manifest.DisplayName, PluginState.Running, manifest.Capabilities, null, time.GetUtcNow());
            if (previous is not null)
            {
                RetireLater(previous);
            }

            subscribers.Add(new PluginEventSubscriber(id, Find));
            signal.Ring();
            LogRunning(id, slot.Status.Version);
            return slot.Status;
        }
        finally
        {
            slot.Changes.Release();
        }
    }

    private PluginStatus Refuse(PluginSlot slot, string error)
    {
        LogRefused(slot.Id, error);

        // A broken update leaves the working version running; only a plugin with nothing running is faulted.
        slot.Status = slot.Current is null
            ? slot.Status with { State = PluginState.Faulted, Error = error, Since = time.GetUtcNow() }
            : slot.Status with { Error = $"The new files were refused, version {slot.Status.Version} still runs: {error}" };
        return slot.Status;
    }

    private void AddHostServices(IServiceCollection services, string id)
    {
        services.AddSingleton(hub.ApiFor(id));
        services.AddSingleton(hub.StateFor(id));
        services.AddSingleton(time);
        services.AddSingleton(loggers);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
    }

    private void Retire(PluginSlot slot)
    {
        if (slot.Current is { } current)
        {
            slot.Current = null;
            RetireLater(current);
        }
    }

    private void RetireLater(PluginVersion version)
    {
        lock (_retiring)
        {
            _retiring.RemoveAll(t => t.IsCompleted);
            _retiring.Add(version.RetireAsync(hostOptions.Value.DrainTimeout));
        }
    }

    private void ReloadInBackground(string id)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await LoadAsync(id, CancellationToken.None);
            }
            catch (Exception error)
            {
                _logger.LogError(error, "Reloading plugin {Plugin} failed", id);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Plugin} {Version} is running")]
    private partial void LogRunning(string plugin, string? version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plugin {Plugin} was refused: {Error}")]
    private partial void LogRefused(string plugin, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {Plugin} was removed")]
    private partial void LogRemoved(string plugin);
}
