using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Server.Tests.Plugins;

/// <summary>
/// One plugin that throws on every event and one that hangs, beside a healthy one, all behind the real API: clients
/// never notice, the healthy plugin keeps up, the broken ones' events wait in their dead-letter lists for replay.
/// </summary>
public sealed class MisbehavingPluginTests : IAsyncLifetime
{
    private const int Tickets = 12;
    private readonly TempDirectory _plugins = new();
    private HelpDeskApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        FixturePlugins.InstallEcho(_plugins.Path, "thrower");
        FixturePlugins.InstallEcho(_plugins.Path, "hanger");
        FixturePlugins.InstallEcho(_plugins.Path, "healthy");
        _app = HelpDeskApp.Sqlite(new()
        {
            ["HelpDesk:PluginsDirectory"] = _plugins.Path,
            ["HelpDesk:Plugins:thrower:Mode"] = "throw",
            ["HelpDesk:Plugins:hanger:Mode"] = "hang",
            ["HelpDesk:EventFeed:MaxAttempts"] = "3",
            ["HelpDesk:EventFeed:FirstRetryDelay"] = "00:00:00.050",
            ["HelpDesk:EventFeed:HandlerTimeout"] = "00:00:02",
            ["HelpDesk:PluginHost:CallTimeout"] = "00:00:01",
            ["HelpDesk:PluginHost:CircuitBreakerMinimumCalls"] = "4",
        });
        await _app.Admin().GetAsync("/health/ready");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _plugins.Dispose();
    }

    [Fact]
    public async Task Throwing_and_hanging_plugins_fail_no_api_call_slow_no_other_plugin_and_replay_delivers_their_events()
    {
        using var admin = _app.Admin();
        var numbers = new List<long>();
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < Tickets; i++)
        {
            var clock = Stopwatch.StartNew();
            numbers.Add(await admin.CreateTicketNumberAsync(TicketClient.NewTicket($"Outage {i}")));
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
        }

        // A hung handler holds its own feed for seconds per event; a create that waited on it would show that here.
        Assert.True(slowest < TimeSpan.FromSeconds(1), $"slowest create took {slowest}");
        await Eventually.TrueAsync(async () => (await Task.WhenAll(numbers.Select(n => NotedByAsync(admin, n, "plugin:healthy")))).All(noted => noted), TimeSpan.FromSeconds(15));
        await Eventually.TrueAsync(async () => (await ParkedTicketsAsync(admin, "thrower")).IsSupersetOf(numbers), TimeSpan.FromSeconds(20));
        // Hung calls count against the hanger's circuit breaker, so after four it fails fast: without that its twelve
        // events would take 12 × 3 attempts × 1 s.
        await Eventually.TrueAsync(async () => (await ParkedTicketsAsync(admin, "hanger")).IsSupersetOf(numbers), TimeSpan.FromSeconds(20));
        Assert.Contains((await admin.GetJsonAsync("/api/v1/plugins/hanger/dead-letters")).GetProperty("items").EnumerateArray(), l => l.GetProperty("error").GetString()!.StartsWith("BrokenCircuitException", StringComparison.Ordinal));
        var thrown = (await admin.GetJsonAsync("/api/v1/plugins/thrower/dead-letters")).GetProperty("items")[0];
        Assert.Contains("echo refuses", thrown.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, thrown.GetProperty("attempts").GetInt32());

        // Fixed and reloaded, the thrower gets every parked event back, once, through the admin API.
        _app.Services.GetRequiredService<IConfiguration>()["HelpDesk:Plugins:thrower:Mode"] = "echo";
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/plugins/thrower/reload", null)).StatusCode);
        var replay = await (await admin.PostAsync("/api/v1/plugins/thrower/dead-letters/replay", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(replay.GetProperty("replayed").GetInt32() >= Tickets);
        Assert.Equal(0, replay.GetProperty("remaining").GetInt32());
        Assert.All(await Task.WhenAll(numbers.Select(n => NotedByAsync(admin, n, "plugin:thrower"))), Assert.True);
        Assert.Empty((await admin.GetJsonAsync("/api/v1/plugins/thrower/dead-letters")).GetProperty("items").EnumerateArray());
    }

    private static async Task<HashSet<long>> ParkedTicketsAsync(HttpClient admin, string plugin) =>
        [.. (await admin.GetJsonAsync($"/api/v1/plugins/{plugin}/dead-letters")).GetProperty("items").EnumerateArray().Select(l => l.GetProperty("ticket").GetInt64())];

    private static async Task<bool> NotedByAsync(HttpClient admin, long number, string actor) =>
        (await admin.EventsAsync(number)).Any(e => e.GetProperty("type").GetString() == "internal-note-added" && e.GetProperty("actor").GetProperty("id").GetString() == actor);

}
