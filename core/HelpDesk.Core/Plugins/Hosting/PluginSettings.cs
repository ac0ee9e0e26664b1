using HelpDesk.Core.Storage;

namespace HelpDesk.Core.Plugins.Hosting;

/// <summary>Which plugins an admin switched off; kept in the store so a restart does not switch them back on.</summary>
public sealed class PluginSettings(Database database, TimeProvider time)
{
    public async Task<bool> IsEnabledAsync(string plugin, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync(
            "SELECT enabled FROM plugin_settings WHERE plugin = @plugin", c => c.With("@plugin", plugin), r => r.GetInt64(0), cancellationToken);
        return rows.Count == 0 || rows[0] != 0;
    }

    public async Task SetEnabledAsync(string plugin, bool enabled, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "INSERT INTO plugin_settings (plugin, enabled, updated_at) VALUES (@plugin, @enabled, @at) "
            + "ON CONFLICT (plugin) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at")
            .With("@plugin", plugin).With("@enabled", enabled ? 1 : 0).With("@at", UnixTime.ToMs(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
