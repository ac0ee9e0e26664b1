using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Durability;

/// <summary>Events a plugin has not yet received survive SIGKILL: its checkpoint is durable, so they come after restart.</summary>
public sealed class PluginDeliveryCrashTests
{
    [Fact]
    public async Task Sigkill_with_undelivered_plugin_events_delivers_every_one_after_restart()
    {
        using var data = new TempDirectory();
        var plugins = Path.Combine(data.Path, "plugins");
        FixturePlugins.InstallEcho(plugins);
        var environment = new Dictionary<string, string> { ["HELPDESK__PLUGINSDIRECTORY"] = plugins };
        var numbers = new List<long>();
        await using (var hub = await HubProcess.StartAsync(Path.Combine(data.Path, "db"), environment))
        {
            using var admin = hub.Admin();

            // Paused, the plugin's feed waits at its checkpoint: every event below is undelivered when the process dies.
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/plugins/echo/disable", null)).StatusCode);
            for (var i = 0; i < 30; i++)
            {
                numbers.Add((await admin.CreateTicketAsync(TicketClient.NewTicket($"Crash {i}"))).GetProperty("number").GetInt64());
            }

            await hub.KillAsync();
        }

        await using var restarted = await HubProcess.StartAsync(Path.Combine(data.Path, "db"), environment);
        using var client = restarted.Admin();
        var stillDisabled = await client.GetJsonAsync("/api/v1/plugins");
        Assert.Equal("disabled", stillDisabled.GetProperty("items")[0].GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/plugins/echo/enable", null)).StatusCode);

        await Eventually.TrueAsync(async () => (await Task.WhenAll(numbers.Select(n => HasEchoNoteAsync(client, n)))).All(noted => noted), TimeSpan.FromSeconds(30));

        var delivery = (await client.GetJsonAsync("/api/v1/plugins")).GetProperty("items")[0].GetProperty("delivery");
        Assert.Equal(0, delivery.GetProperty("deadLetters").GetInt32());
    }

    private static async Task<bool> HasEchoNoteAsync(HttpClient client, long number)
    {
        var events = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{number}/events");
        return events.GetProperty("items").EnumerateArray().Any(e =>
            e.GetProperty("type").GetString() == "internal-note-added" && e.GetProperty("actor").GetProperty("id").GetString() == "plugin:echo");
    }
}
