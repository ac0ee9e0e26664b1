using System.Collections.Concurrent;

namespace HelpDesk.Core.Plugins.Hosting;

/// <summary>
/// Watches the plugins folder and reports a plugin's id once its folder has been quiet for the settle delay: a copy
/// arrives as many writes, and the plugin should be loaded once, after the last of them.
/// </summary>
public sealed class PluginFolderWatcher : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ITimer> _pending = new(StringComparer.Ordinal);
    private readonly FileSystemWatcher _watcher;
    private readonly string _directory;
    private readonly TimeSpan _settleDelay;
    private readonly TimeProvider _time;
    private readonly Action<string> _settled;

    /// <param name="settled">Called with the plugin id, on a timer thread, when its folder has settled.</param>
    public PluginFolderWatcher(string directory, TimeSpan settleDelay, TimeProvider time, Action<string> settled)
    {
        (_directory, _settleDelay, _time, _settled) = (directory, settleDelay, time, settled);
        _watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += (_, e) => Touched(e.FullPath);
        _watcher.Created += (_, e) => Touched(e.FullPath);
        _watcher.Deleted += (_, e) => Touched(e.FullPath);
        _watcher.Renamed += (_, e) => Touched(e.FullPath);
        _watcher.EnableRaisingEvents = true;
    }

    public async ValueTask DisposeAsync()
    {
        _watcher.Dispose();
        foreach (var timer in _pending.Values)
        {
            await timer.DisposeAsync();
        }
    }

    private void Touched(string path)
    {
        var id = Path.GetRelativePath(_directory, path).Split(Path.DirectorySeparatorChar)[0];
        if (id is "." or ".." || id.Length == 0)
        {
            return;
        }

        _pending.AddOrUpdate(
            id,
            key => _time.CreateTimer(Settled, key, _settleDelay, Timeout.InfiniteTimeSpan),
            (_, timer) =>
            {
                timer.Change(_settleDelay, Timeout.InfiniteTimeSpan);
                return timer;
            });
    }

    private void Settled(object? state)
    {
        var id = (string)state!;
        if (_pending.TryRemove(id, out var timer))
        {
            timer.Dispose();
        }

        _settled(id);
    }
}
