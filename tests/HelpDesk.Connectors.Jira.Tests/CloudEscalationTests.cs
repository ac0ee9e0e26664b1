using System.Diagnostics;
using System.Text.Json.Nodes;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Tickets;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Connectors.Jira.Tests;

public sealed class CloudEscalationTests : IAsyncLifetime
{
    private FakeJira _jira = null!;

    public async ValueTask InitializeAsync() => _jira = await FakeJira.StartAsync(FakeJiraFlavor.Cloud);

    public async ValueTask DisposeAsync() => await _jira.DisposeAsync();

    [Fact]
    public async Task Escalating_creates_one_issue_with_an_adf_description_linking_back_labels_priority_and_a_remote_link()
    {
        await using var harness = JiraHarness.For(_jira);
        var ticket = harness.SeedTicket(TicketPriority.Urgent);

        var issue = await harness.Target().CreateIssueAsync(JiraHarness.Request(ticket), TestContext.Current.CancellationToken);

        var created = Assert.Single(_jira.Issues);
        Assert.Equal("OPS-1", issue.Reference.Key);
        Assert.Equal("jira", issue.Reference.System);
        Assert.Equal(new Uri(_jira.BaseUrl, "browse/OPS-1").AbsoluteUri, issue.Reference.Url);
        Assert.Equal("To Do", issue.Status);
        Assert.False(issue.IsResolved);
        Assert.Equal($"Checkout returns HTTP 500 for EU customers (HD-{ticket.Number})", created.Summary);
        Assert.Equal("Bug", created.IssueType);
        Assert.Equal("Highest", created.Priority);
        Assert.Equal(["helpdesk", "hd-1-e1"], created.Labels);
        Assert.Equal("doc", (string?)created.Description!["type"]);
        Assert.Contains($"https://helpdesk.example.org/tickets/{ticket.Number}", created.DescriptionText, StringComparison.Ordinal);
        Assert.Contains("Northwind Analytics GmbH", created.DescriptionText, StringComparison.Ordinal);
        Assert.Contains("since 09:58 UTC", created.DescriptionText, StringComparison.Ordinal);
        var link = Assert.Single(created.RemoteLinks);
        Assert.Equal($"helpdesk:ticket:{ticket.Number}", link.Key);
        Assert.Equal($"https://helpdesk.example.org/tickets/{ticket.Number}", (string?)link.Value["object"]!["url"]);
    }

    [Fact]
    public async Task A_retried_escalation_finds_its_issue_by_label_and_never_posts_a_second_create()
    {
        await using var harness = JiraHarness.For(_jira);
        var request = JiraHarness.Request(harness.SeedTicket());

        var first = await harness.Target().CreateIssueAsync(request, TestContext.Current.CancellationToken);
        var second = await harness.Target().CreateIssueAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(first.Reference, second.Reference);
        Assert.Single(_jira.Issues);
        Assert.Equal(1, _jira.CountRequests("POST", "/rest/api/3/issue"));
        Assert.Single(_jira.Issues[0].RemoteLinks);
    }

    [Fact]
    public async Task A_create_whose_answer_comes_too_late_fails_the_call_and_the_retry_finds_the_issue_jira_made()
    {
        await using var harness = JiraHarness.For(_jira, new() { ["RequestTimeout"] = "00:00:01" });
        var request = JiraHarness.Request(harness.SeedTicket());
        _jira.Fail(JiraRoute.CreateIssue, JiraFault.SlowSuccess(TimeSpan.FromSeconds(3)));

        var lost = await Assert.ThrowsAnyAsync<Exception>(() => harness.Target().CreateIssueAsync(request, TestContext.Current.CancellationToken));
        var retried = await harness.Target().CreateIssueAsync(request, TestContext.Current.CancellationToken);

        Assert.Contains("did not answer", lost.Message, StringComparison.Ordinal);
        Assert.Equal("OPS-1", retried.Reference.Key);
        Assert.Single(_jira.Issues);
        Assert.Equal(1, _jira.CountRequests("POST", "/rest/api/3/issue"));
    }

    [Fact]
    public async Task A_429_with_retry_after_2_is_waited_out_inside_the_call_and_makes_one_issue()
    {
        await using var harness = JiraHarness.For(_jira);
        var request = JiraHarness.Request(harness.SeedTicket());
        _jira.Fail(JiraRoute.CreateIssue, JiraFault.RateLimited(TimeSpan.FromSeconds(2)));
        var clock = Stopwatch.StartNew();

        var issue = await harness.Target().CreateIssueAsync(request, TestContext.Current.CancellationToken);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"answered after {clock.Elapsed}");
        Assert.Equal("OPS-1", issue.Reference.Key);
        Assert.Single(_jira.Issues);
        Assert.Equal([429, 201], _jira.Requests.Where(r => r.Path == "/rest/api/3/issue").Select(r => r.Status));
    }

    [Fact]
    public async Task A_429_without_retry_after_backs_off_and_succeeds()
    {
        await using var harness = JiraHarness.For(_jira);
        _jira.Fail(JiraRoute.CreateIssue, new JiraFault(429));

        await harness.Target().CreateIssueAsync(JiraHarness.Request(harness.SeedTicket()), TestContext.Current.CancellationToken);

        Assert.Single(_jira.Issues);
    }

    [Fact]
    public async Task A_wait_longer_than_max_retry_wait_fails_at_once_so_the_hub_retries_later()
    {
        await using var harness = JiraHarness.For(_jira);
        _jira.Fail(JiraRoute.CreateIssue, JiraFault.RateLimited(TimeSpan.FromSeconds(120)));
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => harness.Target().CreateIssueAsync(JiraHarness.Request(harness.SeedTicket()), TestContext.Current.CancellationToken));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"failed after {clock.Elapsed}");
        Assert.Contains("429", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_jira.Issues);
    }

    [Fact]
    public async Task A_500_on_create_is_not_retried_blindly_and_the_next_attempt_creates_one_issue()
    {
        await using var harness = JiraHarness.For(_jira);
        var request = JiraHarness.Request(harness.SeedTicket());
        _jira.Fail(JiraRoute.CreateIssue, JiraFault.ServerError());

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => harness.Target().CreateIssueAsync(request, TestContext.Current.CancellationToken));
        Assert.Contains("500", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, _jira.CountRequests("POST", "/rest/api/3/issue"));

        await harness.Target().CreateIssueAsync(request, TestContext.Current.CancellationToken);
        Assert.Single(_jira.Issues);
    }

    [Fact]
    public async Task Reads_are_retried_through_a_503_and_a_500()
    {
        await using var harness = JiraHarness.For(_jira);
        _jira.Seed("OPS-318", "Checkout returns HTTP 500");
        _jira.Fail(JiraRoute.GetIssue, JiraFault.Unavailable(TimeSpan.FromSeconds(1)), JiraFault.ServerError());

        var issue = await harness.Target().GetIssueAsync(new ExternalReference("jira", "OPS-318"), TestContext.Current.CancellationToken);

        Assert.Equal("In Progress", issue!.Status);
        Assert.Equal(3, _jira.CountRequests("GET", "/issue/OPS-318"));
    }

    [Fact]
    public async Task An_unknown_key_reads_as_no_issue()
    {
        await using var harness = JiraHarness.For(_jira);

        Assert.Null(await harness.Target().GetIssueAsync(new ExternalReference("jira", "OPS-999"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_done_issue_reads_as_resolved_by_its_category_or_by_the_configured_done_statuses()
    {
        _jira.Seed("OPS-7", "Fixed", "Done", "done");
        _jira.Seed("OPS-8", "Shipped", "Released", "indeterminate");
        await using var byCategory = JiraHarness.For(_jira);
        await using var byName = JiraHarness.For(_jira, new() { ["DoneStatuses"] = "Released, Closed" });
        var token = TestContext.Current.CancellationToken;

        Assert.True((await byCategory.Target().GetIssueAsync(new("jira", "OPS-7"), token))!.IsResolved);
        Assert.False((await byCategory.Target().GetIssueAsync(new("jira", "OPS-8"), token))!.IsResolved);
        Assert.False((await byName.Target().GetIssueAsync(new("jira", "OPS-7"), token))!.IsResolved);
        Assert.True((await byName.Target().GetIssueAsync(new("jira", "OPS-8"), token))!.IsResolved);
    }

    [Fact]
    public async Task Wrong_credentials_fail_with_a_message_naming_the_settings_and_not_the_token()
    {
        await using var harness = JiraHarness.For(_jira, new() { ["ApiToken"] = "wrong-token" });

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => harness.Target().CreateIssueAsync(JiraHarness.Request(harness.SeedTicket()), TestContext.Current.CancellationToken));

        Assert.Contains("401", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Email and ApiToken", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_becomes_one_comment_even_when_delivered_twice()
    {
        await using var harness = JiraHarness.For(_jira);
        _jira.Seed("OPS-318", "Checkout returns HTTP 500");
        var note = new EscalationComment(new ExternalReference("jira", "OPS-318"), 1042, "Customer confirms the error is gone.", "1042-e1-c1") { Author = "Ana Agent" };

        var first = await harness.Target().AddCommentAsync(note, TestContext.Current.CancellationToken);
        var second = await harness.Target().AddCommentAsync(note, TestContext.Current.CancellationToken);

        var comment = Assert.Single(_jira.Issues[0].Comments);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("1042-e1-c1", comment.IdempotencyKey);
        Assert.Equal("doc", (string?)comment.Body!["type"]);
        Assert.Contains("Customer confirms the error is gone.", comment.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("focusedCommentId=" + first.Id, first.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_without_priority_on_its_create_screen_still_gets_its_issue()
    {
        await using var harness = JiraHarness.For(_jira);
        var ticket = harness.SeedTicket();
        var request = JiraHarness.Request(ticket) with { Project = "NOPRIO" };
        _jira.RefusePriorityIn("NOPRIO");

        var issue = await harness.Target().CreateIssueAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("NOPRIO-1", issue.Reference.Key);
        Assert.Null(Assert.Single(_jira.Issues).Priority);
    }
}
