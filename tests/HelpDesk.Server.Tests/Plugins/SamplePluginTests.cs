using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using HelpDesk.Sdk.Webhooks;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Plugins;

/// <summary>
/// The partner sample (samples/HelpDesk.Samples.TeamChat) copied into a running hub, a real child process, then called
/// as a chat would call it: signed Slack-style, <c>X-Signature: v0=hex(HMAC-SHA256(secret, "v0:{timestamp}:{body}"))</c>.
/// </summary>
public sealed class SamplePluginTests
{
    private const string Secret = "sample-signing-secret";

    [Fact]
    public async Task The_sample_copied_into_a_running_hub_runs_within_5_s_and_its_webhook_refuses_forged_and_oversized_calls_without_changes()
    {
        using var data = new TempDirectory();
        await using var hub = await StartHubAsync(data, new() { ["HELPDESK__PLUGINHOST__MAXWEBHOOKBODYBYTES"] = "4096" });
        using var admin = hub.Admin();
        var number = await admin.CreateTicketNumberAsync();

        await InstallAndWaitUntilRunningAsync(data, admin);

        var before = await ConversationAsync(admin, number);
        var body = $$"""{"ticket": {{number}}, "author": "sam", "text": "On it."}""";
        var forged = await PostReplyAsync(hub, body, Sign(body, "not-the-secret"));
        var unsigned = await PostReplyAsync(hub, body, new Dictionary<string, string>());
        var stale = await PostReplyAsync(hub, body, Sign(body, Secret, DateTimeOffset.UtcNow.AddMinutes(-10)));
        var oversized = await PostReplyAsync(hub, body + new string(' ', 5000), Sign(body + new string(' ', 5000), Secret));

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.RequestEntityTooLarge],
            new[] { forged.StatusCode, unsigned.StatusCode, stale.StatusCode, oversized.StatusCode });
        Assert.Equal(before, await ConversationAsync(admin, number));

        var signed = await PostReplyAsync(hub, body, Sign(body, Secret));
        Assert.Equal(HttpStatusCode.NoContent, signed.StatusCode);
        var note = (await admin.EventsAsync(number)).Last();
        Assert.Equal(("internal-note-added", "plugin:team-chat"), (note.GetProperty("type").GetString(), note.GetProperty("actor").GetProperty("id").GetString()));
    }

    internal static async Task<HubProcess> StartHubAsync(TempDirectory data, Dictionary<string, string> settings)
    {
        var plugins = Path.Combine(data.Path, "plugins");
        Directory.CreateDirectory(plugins);
        settings["HELPDESK__PLUGINSDIRECTORY"] = plugins;
        settings["HELPDESK__PLUGINS__TEAM-CHAT__SIGNINGSECRET"] = Secret;
        return await HubProcess.StartAsync(Path.Combine(data.Path, "db"), settings);
    }

    /// <summary>Installs the sample's build (staged, then moved in) and waits for the admin API to show it running: 5 s at most.</summary>
    internal static async Task InstallAndWaitUntilRunningAsync(TempDirectory data, HttpClient admin)
    {
        FixturePlugins.InstallTeamChat(Path.Combine(data.Path, "plugins"));
        await PluginStates.WaitUntilRunningAsync(admin, "team-chat", TimeSpan.FromSeconds(5));
    }

    /// <summary>What an agent sees of the ticket: its messages and its audit trail, as raw JSON.</summary>
    private static async Task<(string Messages, int Events)> ConversationAsync(HttpClient admin, long number) =>
        ((await admin.GetJsonAsync($"/api/v1/tickets/{number}/messages")).GetRawText(), (await admin.EventsAsync(number)).Length);

    private static async Task<HttpResponseMessage> PostReplyAsync(HubProcess hub, string body, IReadOnlyDictionary<string, string> headers)
    {
        using var client = new HttpClient { BaseAddress = hub.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/team-chat/replies") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await client.SendAsync(request);
    }

    private static Dictionary<string, string> Sign(string body, string secret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = WebhookSignature.Compute(SignatureAlgorithm.HmacSha256, secret, Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        return new() { ["X-Signature"] = "v0=" + signature, ["X-Timestamp"] = timestamp };
    }
}
