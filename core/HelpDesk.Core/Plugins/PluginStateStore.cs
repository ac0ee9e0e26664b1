using HelpDesk.Core.Storage;
using HelpDesk.Sdk;

namespace HelpDesk.Core.Plugins;

/// <summary><see cref="IPluginState"/> for one plugin, in the hub's database.</summary>
public sealed class PluginStateStore(string pluginId, Database database, TimeProvider time) : IPluginState
{
    private const int MaxKey = 200;
    private const int MaxValue = 65_536;

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        Check(key, "");
        var rows = await database.QueryAsync(
            "SELECT value FROM plugin_state WHERE plugin = @plugin AND key = @key",
            command => command.With("@plugin", pluginId).With("@key", key),
            reader => reader.GetString(0),
            cancellationToken);
        return rows is [var value] ? value : null;
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        Check(key, value);
        await database.ExecuteAsync(
            """
            INSERT INTO plugin_state (plugin, key, value, updated_at) VALUES (@plugin, @key, @value, @at)
            ON CONFLICT (plugin, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """,
            command => command.With("@plugin", pluginId).With("@key", key).With("@value", value).With("@at", UnixTime.ToMs(time.GetUtcNow())),
            cancellationToken);
    }

    public async Task ReportProblemAsync(string key, string detail, CancellationToken cancellationToken)
    {
        Check(key, detail);
        await database.ExecuteAsync(
            """
            INSERT INTO plugin_problems (plugin, key, detail, at) VALUES (@plugin, @key, @detail, @at)
            ON CONFLICT (plugin, key) DO UPDATE SET detail = excluded.detail, at = excluded.at
            """,
            command => command.With("@plugin", pluginId).With("@key", key).With("@detail", detail).With("@at", UnixTime.ToMs(time.GetUtcNow())),
            cancellationToken);
    }

    public async Task ClearProblemAsync(string key, CancellationToken cancellationToken)
    {
        Check(key, "");
        await database.ExecuteAsync(
            "DELETE FROM plugin_problems WHERE plugin = @plugin AND key = @key",
            command => command.With("@plugin", pluginId).With("@key", key),
            cancellationToken);
    }

    /// <summary>What an admin sees on the plugin's status, newest first.</summary>
    public static Task<IReadOnlyList<PluginProblem>> ProblemsAsync(Database database, string pluginId, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT key, detail, at FROM plugin_problems WHERE plugin = @plugin ORDER BY at DESC, key LIMIT 100",
            command => command.With("@plugin", pluginId),
            reader => new PluginProblem(reader.GetString(0), reader.GetString(1), UnixTime.FromMs(reader.GetInt64(2))),
            cancellationToken);

    private static void Check(string key, string value)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKey)
        {
            throw new HelpDeskApiException(HelpDeskApiError.Invalid, "key", $"A key is 1 to {MaxKey} characters.");
        }

        if (value.Length > MaxValue)
        {
            throw new HelpDeskApiException(HelpDeskApiError.Invalid, "value", $"A value is at most {MaxValue} characters.");
        }
    }
}

/// <summary>A problem a plugin reported for an admin.</summary>
public sealed record PluginProblem(string Key, string Detail, DateTimeOffset At);
