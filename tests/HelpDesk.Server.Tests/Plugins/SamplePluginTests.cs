using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using HelpDesk.Sdk.Webhooks;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Plugins;

/// <summary>The partner sample dropped into a running hub (a real child process), then called as a chat would call it.</summary>
public sealed class SamplePluginTests
{
    private const string Secret = "sample-signing-secret";

    [Fact]
    public async Task The_sample_copied_into_a_running_hub_runs_within_5_s_and_its_webhook_checks_signatures_and_size()
    {
        using var data = new TempDirectory();
        var plugins = Path.Combine(data.Path, "plugins");
        Directory.CreateDirectory(plugins);
        await using var hub = await HubProcess.StartAsync(Path.Combine(data.Path, "db"), new Dictionary<string, string>
        {
            ["HELPDESK__PLUGINSDIRECTORY"] = plugins,
            ["HELPDESK__PLUGINS__TEAM-CHAT__SIGNINGSECRET"] = Secret,
            ["HELPDESK__PLUGINHOST__MAXWEBHOOKBODYBYTES"] = "4096",
        });
        using var admin = hub.Admin();
        var number = await admin.CreateTicketNumberAsync();

        FixturePlugins.InstallTeamChat(plugins);
        var copied = Stopwatch.StartNew();
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            while (!await IsRunningAsync(admin))
            {
                await Task.Delay(50, deadline.Token);
            }
        }

        Assert.True(copied.Elapsed < TimeSpan.FromSeconds(5));
        var before = await admin.EventsAsync(number);
        var body = $$"""{"ticket": {{number}}, "author": "sam", "text": "On it."}""";

        var forged = await PostReplyAsync(hub, body, Sign(body, "not-the-secret"));
        var oversized = await PostReplyAsync(hub, new string(' ', 5000), Sign(body, Secret));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal(before.Length, (await admin.EventsAsync(number)).Length);

        var signed = await PostReplyAsync(hub, body, Sign(body, Secret));
        Assert.Equal(HttpStatusCode.NoContent, signed.StatusCode);
        var note = (await admin.EventsAsync(number)).Last();
        Assert.Equal(("internal-note-added", "plugin:team-chat"), (note.GetProperty("type").GetString(), note.GetProperty("actor").GetProperty("id").GetString()));
    }

    private static async Task<bool> IsRunningAsync(HttpClient admin) =>
        (await admin.GetJsonAsync("/api/v1/plugins")).GetProperty("items").EnumerateArray()
            .Any(p => p.GetProperty("id").GetString() == "team-chat" && p.GetProperty("state").GetString() == "running");

    private static async Task<HttpResponseMessage> PostReplyAsync(HubProcess hub, string body, (string Signature, string Timestamp) signature)
    {
        using var client = new HttpClient { BaseAddress = hub.Address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/team-chat/replies") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-TeamChat-Signature", signature.Signature);
        request.Headers.Add("X-TeamChat-Timestamp", signature.Timestamp);
        return await client.SendAsync(request);
    }

    private static (string Signature, string Timestamp) Sign(string body, string secret)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return ("v0=" + WebhookSignature.Compute(SignatureAlgorithm.HmacSha256, secret, Encoding.UTF8.GetBytes($"{timestamp}:{body}")), timestamp);
    }
}
