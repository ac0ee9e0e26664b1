using System.Net;
using System.Text.Json;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Server.Tests.Escalations;

/// <summary>
/// Escalation through the hub's API to the real Jira plugin, over loopback HTTP to a fake Jira, and Jira's webhooks
/// back: the issue's acceptance list end to end.
/// </summary>
public sealed class JiraEscalationTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private FakeJira _jira = null!;
    private HelpDeskApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _jira = await FakeJira.StartAsync();
        _app = await JiraHub.StartAsync(_jira);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _jira.DisposeAsync();
    }

    [Fact]
    public async Task Escalating_creates_exactly_one_issue_linking_back_and_the_ticket_shows_its_key_url_and_status()
    {
        var admin = _app.Admin();
        var number = await admin.CreateTicketNumberAsync(TicketClient.NewTicket("Checkout fails for EU customers", description: "HTTP 500 on pay since 09:58."));

        await EscalationClient.EscalateAsync(admin, number, new { target = "jira", issueType = "Bug", note = "Three enterprise customers affected" });
        var ticket = await EscalationClient.WaitUntilEscalatedAsync(admin, number, Patience);

        var issue = Assert.Single(_jira.Issues);
        Assert.Contains($"https://helpdesk.example.org/tickets/{number}", issue.DescriptionText, StringComparison.Ordinal);
        Assert.Contains("Three enterprise customers affected", issue.DescriptionText, StringComparison.Ordinal);
        Assert.Equal("Bug", issue.IssueType);
        var link = Assert.Single(ticket.GetProperty("externalLinks").EnumerateArray());
        Assert.Equal(("jira", "OPS-1", new Uri(_jira.BaseUrl, "browse/OPS-1").AbsoluteUri, "To Do"), Link(link));
        Assert.Equal("OPS-1", ticket.GetProperty("escalations")[0].GetProperty("key").GetString());
        Assert.Equal(1, _jira.CountRequests("POST", "/rest/api/3/issue"));
        Assert.Equal($"https://helpdesk.example.org/tickets/{number}", (string?)Assert.Single(issue.RemoteLinks).Value["object"]!["url"]);
    }

    [Fact]
    public async Task A_429_with_retry_after_2_then_201_gives_one_issue_no_sooner_than_2_seconds_later()
    {
        var admin = _app.Admin();
        var number = await admin.CreateTicketNumberAsync();
        _jira.Fail(JiraRoute.CreateIssue, JiraFault.RateLimited(TimeSpan.FromSeconds(2)));

        await EscalationClient.EscalateAsync(admin, number, new { target = "jira" });
        await EscalationClient.WaitUntilEscalatedAsync(admin, number, Patience);

        Assert.Single(_jira.Issues);
        var creates = _jira.Requests.Where(r => r.Path == "/rest/api/3/issue").ToList();
        Assert.Equal([429, 201], creates.Select(r => r.Status));
        Assert.True(creates[1].At - creates[0].At >= TimeSpan.FromSeconds(2), $"created {creates[1].At - creates[0].At} after the 429");
    }

    [Fact]
    public async Task Five_500s_report_the_escalation_failed_on_the_ticket_then_retries_make_one_issue()
    {
        var admin = _app.Admin();
        var number = await admin.CreateTicketNumberAsync();
        _jira.Fail(JiraRoute.CreateIssue, [.. Enumerable.Repeat(JiraFault.ServerError(), 5)]);

        await EscalationClient.EscalateAsync(admin, number, new { target = "jira" });
        var ticket = await EscalationClient.WaitUntilEscalatedAsync(admin, number, Patience);

        Assert.Single(_jira.Issues);
        Assert.Equal([500, 500, 500, 500, 500, 201], _jira.Requests.Where(r => r.Path == "/rest/api/3/issue").Select(r => r.Status));
        var events = (await admin.EventsAsync(number)).Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["escalation-requested", "escalation-failed", "escalated"], events.Where(e => e!.StartsWith("escalat", StringComparison.Ordinal)));
        Assert.Equal("OPS-1", ticket.GetProperty("escalations")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task Jiras_done_webhook_records_the_status_and_reopens_the_waiting_ticket_and_its_redelivery_changes_nothing()
    {
        var admin = _app.Admin();
        _jira.Seed("OPS-318", "Checkout returns HTTP 500 for EU customers (HD-1042)");
        var number = await admin.CreateTicketNumberAsync();
        await EscalationClient.EscalateAsync(admin, number, new { target = "jira", link = "OPS-318" });
        await EscalationClient.WaitUntilEscalatedAsync(admin, number, Patience);
        await admin.UpdateTicketAsync(number, new { status = "pending" });
        var body = ContractFixtures.Bytes("jira", "webhook-issue-updated-status-done.json");
        const string Signature = "sha256=a35110d1074f1443c0e0a9bb8b80a310d36617e305817c796cd95ced023eb9e6";

        using var first = await _app.CreateClient().SendAsync(JiraHub.Webhook(body, "e3b7a9d2-6c41-4f8e-9a10-2b5c7d8e9f01", Signature), TestContext.Current.CancellationToken);
        var updated = await admin.GetJsonAsync($"/api/v1/tickets/{number}");
        using var again = await _app.CreateClient().SendAsync(JiraHub.Webhook(body, "e3b7a9d2-6c41-4f8e-9a10-2b5c7d8e9f01", Signature), TestContext.Current.CancellationToken);
        var afterAgain = await admin.GetJsonAsync($"/api/v1/tickets/{number}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("open", updated.GetProperty("status").GetString());
        Assert.Equal("Done", Link(Assert.Single(updated.GetProperty("externalLinks").EnumerateArray())).Status);
        Assert.Equal(updated.GetProperty("version").GetInt32(), afterAgain.GetProperty("version").GetInt32());
        Assert.Single(await admin.EventsAsync(number), e => e.GetProperty("type").GetString() == "external-issue-updated");
    }

    [Fact]
    public async Task A_webhook_with_a_wrong_signature_is_refused_and_changes_nothing()
    {
        var admin = _app.Admin();
        _jira.Seed("OPS-318", "Checkout returns HTTP 500");
        var number = await admin.CreateTicketNumberAsync();
        await EscalationClient.EscalateAsync(admin, number, new { target = "jira", link = "OPS-318" });
        var before = await EscalationClient.WaitUntilEscalatedAsync(admin, number, Patience);

        using var refused = await _app.CreateClient().SendAsync(
            JiraHub.Webhook(ContractFixtures.Bytes("jira", "webhook-issue-updated-status-done.json"), "d-1", "sha256=" + new string('0', 64)),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(before.GetProperty("version").GetInt32(), (await admin.GetJsonAsync($"/api/v1/tickets/{number}")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_agents_note_on_the_escalation_becomes_one_jira_comment()
    {
        var admin = _app.Admin();
        var number = await admin.CreateTicketNumberAsync();
        var escalation = (await EscalationClient.EscalateAsync(admin, number, new { target = "jira" })).GetProperty("escalation").GetProperty("id").GetString();
        await EscalationClient.WaitUntilEscalatedAsync(admin, number, Patience);

        using var noted = await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/tickets/{number}/escalations/{escalation}/notes", new { body = "Customer confirms it still fails at 11:02." });
        Assert.Equal(HttpStatusCode.Accepted, noted.StatusCode);

        await Eventually.TrueAsync(() => Task.FromResult(_jira.Issues[0].Comments.Count == 1), Patience);
        Assert.Contains("still fails at 11:02", _jira.Issues[0].Comments[0].Body!.ToJsonString(), StringComparison.Ordinal);
        await Eventually.TrueAsync(
            async () => (await admin.EventsAsync(number)).Any(e => e.GetProperty("type").GetString() == "escalation-comment-delivered"),
            Patience);
        Assert.Single(_jira.Issues[0].Comments);
    }

    private static (string? System, string? Key, string? Url, string? Status) Link(JsonElement link) =>
        (link.GetProperty("system").GetString(), link.GetProperty("key").GetString(), link.GetProperty("url").GetString(), link.GetProperty("status").GetString());
}
