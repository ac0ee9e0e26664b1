using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Server.Tests.Escalations;

/// <summary>A hub running the real Jira connector against a <see cref="FakeJira"/>, with quick escalation retries.</summary>
internal static class JiraHub
{
    public const string WebhookSecret = "jira-webhook-test-secret";

    public static async Task<HelpDeskApp> StartAsync(FakeJira jira, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["HelpDesk:Plugins:jira:BaseUrl"] = jira.BaseUrl.AbsoluteUri,
            ["HelpDesk:Plugins:jira:Flavor"] = "cloud",
            ["HelpDesk:Plugins:jira:Email"] = FakeJira.Email,
            ["HelpDesk:Plugins:jira:ApiToken"] = FakeJira.ApiToken,
            ["HelpDesk:Plugins:jira:ProjectKey"] = "OPS",
            ["HelpDesk:Plugins:jira:WebhookSecret"] = WebhookSecret,
            ["HelpDesk:Plugins:jira:Account"] = FakeJira.HelpDeskAccountId,
            ["HelpDesk:Escalations:TicketUrlTemplate"] = "https://helpdesk.example.org/tickets/{number}",
            ["HelpDesk:Escalations:FirstRetryDelay"] = "00:00:00.200",
            ["HelpDesk:Escalations:MaxRetryDelay"] = "00:00:01",
            ["HelpDesk:Escalations:RetryScanInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        var app = HelpDeskApp.Sqlite(settings);
        FixturePlugins.InstallJira(app.PluginsDirectory);
        await PluginStates.WaitUntilRunningAsync(app.Admin(), "jira", TimeSpan.FromSeconds(15));
        return app;
    }

    public static HttpRequestMessage Webhook(byte[] body, string delivery, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/jira") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Atlassian-Webhook-Identifier", delivery);
        request.Headers.Add("X-Hub-Signature", signature);
        return request;
    }
}
