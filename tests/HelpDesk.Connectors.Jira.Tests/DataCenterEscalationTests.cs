using System.Text.Json.Nodes;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Tickets;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Connectors.Jira.Tests;

public sealed class DataCenterEscalationTests : IAsyncLifetime
{
    private FakeJira _jira = null!;

    public async ValueTask InitializeAsync() => _jira = await FakeJira.StartAsync(FakeJiraFlavor.DataCenter);

    public async ValueTask DisposeAsync() => await _jira.DisposeAsync();

    [Fact]
    public async Task Data_center_gets_rest_v2_a_wiki_description_and_the_personal_access_token()
    {
        await using var harness = JiraHarness.For(_jira);
        var ticket = harness.SeedTicket();

        var issue = await harness.Target().CreateIssueAsync(JiraHarness.Request(ticket), TestContext.Current.CancellationToken);

        var created = Assert.Single(_jira.Issues);
        Assert.Equal("OPS-1", issue.Reference.Key);
        var wiki = Assert.IsAssignableFrom<JsonValue>(created.Description).GetValue<string>();
        Assert.Contains($"[HD-{ticket.Number}|https://helpdesk.example.org/tickets/{ticket.Number}]", wiki, StringComparison.Ordinal);
        Assert.Contains("*Customer: *Northwind Analytics GmbH", wiki, StringComparison.Ordinal);
        Assert.All(_jira.Requests, r => Assert.StartsWith("/rest/api/2/", r.Path, StringComparison.Ordinal));
        Assert.Equal(1, _jira.CountRequests("POST", "/rest/api/2/search"));
    }

    [Fact]
    public async Task A_retry_on_data_center_finds_the_issue_through_the_v2_search()
    {
        await using var harness = JiraHarness.For(_jira);
        var request = JiraHarness.Request(harness.SeedTicket());

        await harness.Target().CreateIssueAsync(request, TestContext.Current.CancellationToken);
        await harness.Target().CreateIssueAsync(request, TestContext.Current.CancellationToken);

        Assert.Single(_jira.Issues);
    }

    [Fact]
    public async Task A_note_is_a_wiki_comment_on_data_center()
    {
        await using var harness = JiraHarness.For(_jira);
        _jira.Seed("OPS-318", "Checkout returns HTTP 500");

        await harness.Target().AddCommentAsync(new EscalationComment(new ExternalReference("jira", "OPS-318"), 1042, "Customer says [urgent] *again*", "k1"), TestContext.Current.CancellationToken);

        var body = Assert.IsAssignableFrom<JsonValue>(Assert.Single(_jira.Issues[0].Comments).Body).GetValue<string>();
        Assert.StartsWith(@"Customer says \[urgent\] \*again\*", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cloud_credentials_are_refused_by_data_center()
    {
        await using var harness = JiraHarness.For(_jira, new() { ["Flavor"] = "cloud", ["Email"] = FakeJira.Email, ["ApiToken"] = FakeJira.ApiToken });

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => harness.Target().CreateIssueAsync(JiraHarness.Request(harness.SeedTicket()), TestContext.Current.CancellationToken));

        Assert.Contains("401", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_jira.Issues);
    }
}
