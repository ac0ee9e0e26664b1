using System.Net;
using System.Net.Http.Headers;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Server.Tests.Escalations;

/// <summary>Escalation through the hub's API to the real GitHub plugin (Octokit) and a fake GitHub Enterprise Server, and its webhooks back.</summary>
public sealed class GitHubEscalationTests : IAsyncLifetime
{
    private const string Repository = "acme/helpdesk-escalations";
    private const string WebhookSecret = "github-webhook-test-secret";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private FakeGitHub _github = null!;
    private HelpDeskApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _github = await FakeGitHub.StartAsync(Repository);
        _app = HelpDeskApp.Sqlite(new()
        {
            ["HelpDesk:Plugins:github:BaseUrl"] = _github.EnterpriseBaseUrl.AbsoluteUri,
            ["HelpDesk:Plugins:github:Token"] = FakeGitHub.Token,
            ["HelpDesk:Plugins:github:Owner"] = "acme",
            ["HelpDesk:Plugins:github:Repository"] = "helpdesk-escalations",
            ["HelpDesk:Plugins:github:WebhookSecret"] = WebhookSecret,
            ["HelpDesk:Plugins:github:BotLogin"] = FakeGitHub.BotLogin,
            ["HelpDesk:Escalations:TicketUrlTemplate"] = "https://helpdesk.example.org/tickets/{number}",
            ["HelpDesk:Escalations:FirstRetryDelay"] = "00:00:00.200",
            ["HelpDesk:Escalations:RetryScanInterval"] = "00:00:00.200",
        });
        FixturePlugins.InstallGitHub(_app.PluginsDirectory);
        await PluginStates.WaitUntilRunningAsync(_app.Admin(), "github", TimeSpan.FromSeconds(15));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _github.DisposeAsync();
    }

    [Fact]
    public async Task Escalating_creates_exactly_one_github_issue_linking_back_and_the_ticket_shows_its_key_url_and_status()
    {
        var admin = _app.Admin();
        var number = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Checkout fails for EU customers"));

        await EscalationClient.EscalateAsync(admin, number, new { target = "github" });
        var ticket = await EscalationClient.WaitUntilEscalatedAsync(admin, number, Patience);

        var issue = Assert.Single(_github.Issues(Repository));
        Assert.Contains($"https://helpdesk.example.org/tickets/{number}", issue.Body, StringComparison.Ordinal);
        var link = Assert.Single(ticket.GetProperty("externalLinks").EnumerateArray());
        Assert.Equal(
            ("github", $"{Repository}#1", new Uri(_github.Root, $"{Repository}/issues/1").AbsoluteUri, "open"),
            (link.GetProperty("system").GetString(), link.GetProperty("key").GetString(), link.GetProperty("url").GetString(), link.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_github_webhook_with_a_wrong_signature_is_refused_with_401_and_changes_nothing()
    {
        var admin = _app.Admin();
        for (var i = 0; i < 57; i++)
        {
            _github.Seed(Repository, $"Older issue {i}");
        }

        var number = await admin.CreateTicketNumberAsync();
        await EscalationClient.EscalateAsync(admin, number, new { target = "github", link = $"{Repository}#57" });
        var before = await EscalationClient.WaitUntilEscalatedAsync(admin, number, Patience);
        await admin.UpdateTicketAsync(number, new { status = "pending" });
        var pending = await admin.GetJsonAsync($"/api/v1/tickets/{number}");

        using var forged = await _app.CreateClient().SendAsync(Closed("sha256=" + new string('0', 64)), TestContext.Current.CancellationToken);
        var afterForged = await admin.GetJsonAsync($"/api/v1/tickets/{number}");
        using var genuine = await _app.CreateClient().SendAsync(Closed("sha256=573c8954f025de7d05a5cfa1f73337adf611031d7aeaaf25b0b54c11d03b4e6d"), TestContext.Current.CancellationToken);
        var afterGenuine = await admin.GetJsonAsync($"/api/v1/tickets/{number}");

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(pending.GetProperty("version").GetInt32(), afterForged.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal("open", afterGenuine.GetProperty("status").GetString());
        Assert.Equal("closed", afterGenuine.GetProperty("externalLinks")[0].GetProperty("status").GetString());
        Assert.Equal("open", before.GetProperty("externalLinks")[0].GetProperty("status").GetString());
    }

    private static HttpRequestMessage Closed(string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/github") { Content = new ByteArrayContent(ContractFixtures.Bytes("github", "webhook-issues-closed.json")) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", "issues");
        request.Headers.Add("X-GitHub-Delivery", "6f1c2b3a-7d4e-11f0-8a9b-0c1d2e3f4a5b");
        request.Headers.Add("X-Hub-Signature-256", signature);
        return request;
    }
}
