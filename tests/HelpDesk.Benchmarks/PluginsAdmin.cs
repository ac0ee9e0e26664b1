using System.Net.Http.Headers;
using System.Text.Json;

namespace HelpDesk.Benchmarks;

/// <summary>The hub's plugin admin API (<c>/api/v1/plugins</c>), as the benchmark needs it.</summary>
public sealed class PluginsAdmin(Uri hub) : IDisposable
{
    private readonly HttpClient _client = new()
    {
        BaseAddress = hub,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", ChildHub.AdminKey) },
    };

    /// <param name="Since">When the hub put it in its current state, by the hub's clock.</param>
    public sealed record Plugin(string Id, string? Version, string State, DateTimeOffset Since, long Checkpoint, long Lag);

    public async Task<Plugin?> FindAsync(string id)
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/v1/plugins", UriKind.Relative)));
        foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
        {
            if (item.GetProperty("id").GetString() == id)
            {
                var delivery = item.GetProperty("delivery");
                var version = item.TryGetProperty("version", out var v) ? v.GetString() : null;
                return new Plugin(
                    id, version, item.GetProperty("state").GetString()!, item.GetProperty("since").GetDateTimeOffset(), delivery.GetProperty("checkpoint").GetInt64(), delivery.GetProperty("lag").GetInt64());
            }
        }

        return null;
    }

    public Task EnableAsync(string id) => PostAsync($"/api/v1/plugins/{id}/enable");

    public Task DisableAsync(string id) => PostAsync($"/api/v1/plugins/{id}/disable");

    public Task ReloadAsync(string id) => PostAsync($"/api/v1/plugins/{id}/reload");

    /// <summary>Polls until the plugin is in <paramref name="state"/> (and at <paramref name="version"/>, if given).</summary>
    public async Task<Plugin> WaitForAsync(string id, string state, string? version, TimeSpan patience, TimeSpan poll)
    {
        using var deadline = new CancellationTokenSource(patience);
        while (true)
        {
            if (await FindAsync(id) is { } plugin && plugin.State == state && (version is null || plugin.Version == version))
            {
                return plugin;
            }

            await Task.Delay(poll, deadline.Token);
        }
    }

    /// <summary>Polls until the plugin's checkpoint reaches the head of the log; returns when it saw that.</summary>
    public async Task<Plugin> WaitForNoLagAsync(string id, TimeSpan patience, TimeSpan poll)
    {
        using var deadline = new CancellationTokenSource(patience);
        while (true)
        {
            if (await FindAsync(id) is { Lag: 0 } plugin)
            {
                return plugin;
            }

            await Task.Delay(poll, deadline.Token);
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task PostAsync(string path)
    {
        using var response = await _client.PostAsync(new Uri(path, UriKind.Relative), content: null);
        response.EnsureSuccessStatusCode();
    }
}
