using System.Diagnostics;
using System.Text.Json;

namespace HelpDesk.Server.Tests.Infrastructure;

/// <summary>A plugin's state as the admin API shows it (<c>running</c>, or <c>faulted: why</c>).</summary>
public static class PluginStates
{
    public static async Task<string?> StateAsync(HttpClient admin, string id) =>
        (await admin.GetJsonAsync("/api/v1/plugins")).GetProperty("items").EnumerateArray()
            .Where(p => p.GetProperty("id").GetString() == id)
            .Select(p => p.GetProperty("state").GetString() + (p.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? ": " + e.GetString() : ""))
            .FirstOrDefault();

    /// <summary>Waits until the plugin shows <c>running</c>, failing with its last state after <paramref name="patience"/>.</summary>
    public static async Task WaitUntilRunningAsync(HttpClient admin, string id, TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        string? state = null;
        while (waited.Elapsed < patience && (state = await StateAsync(admin, id)) != "running")
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(state == "running", $"{id} was '{state ?? "absent"}' {waited.Elapsed.TotalSeconds:0.0} s after it was installed.");
    }
}
