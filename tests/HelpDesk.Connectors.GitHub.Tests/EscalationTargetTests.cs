using System.Diagnostics;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Tickets;
using HelpDesk.TestSupport.Fakes;

namespace HelpDesk.Connectors.GitHub.Tests;

public sealed class EscalationTargetTests : IAsyncLifetime
{
    private const string Repo = GitHubHarness.Repository;
    private FakeGitHub _github = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _github = await FakeGitHub.StartAsync(Repo, "acme/other");

    public async ValueTask DisposeAsync() => await _github.DisposeAsync();

    [Fact]
    public async Task Escalating_creates_one_issue_with_labels_a_link_back_and_the_ticket_marker()
    {
        await using var harness = GitHubHarness.For(_github);
        var ticket = harness.SeedTicket();

        var issue = await harness.Target().CreateIssueAsync(GitHubHarness.Request(ticket), Token);

        var created = Assert.Single(_github.Issues(Repo));
        Assert.Equal(($"{Repo}#1", "open", false), (issue.Reference.Key, issue.Status, issue.IsResolved));
        Assert.Equal(new Uri(_github.Root, $"{Repo}/issues/1").AbsoluteUri, issue.Reference.Url);
        Assert.Equal($"Checkout returns HTTP 500 for EU customers (HD-{ticket.Number})", created.Title);
        Assert.Equal(["helpdesk", "escalated"], created.Labels);
        Assert.Contains($"[HD-{ticket.Number}](https://helpdesk.example.org/tickets/{ticket.Number})", created.Body, StringComparison.Ordinal);
        Assert.Contains("**Customer:** Northwind Analytics GmbH", created.Body, StringComparison.Ordinal);
        Assert.Contains("> \u0040\u200Ball see #\u200B12", created.Body, StringComparison.Ordinal);
        Assert.All(_github.Requests, r => Assert.StartsWith("/api/v3/", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_retried_escalation_finds_its_issue_by_the_hidden_marker_and_never_posts_a_second_create()
    {
        await using var harness = GitHubHarness.For(_github);
        var request = GitHubHarness.Request(harness.SeedTicket());
        _github.Seed(Repo, "Someone else's bug", "nothing to see");

        var first = await harness.Target().CreateIssueAsync(request, Token);
        _github.Seed(Repo, "A newer bug");
        var second = await harness.Target().CreateIssueAsync(request, Token);

        Assert.Equal(first.Reference, second.Reference);
        Assert.Equal(3, _github.Issues(Repo).Count);
        Assert.Equal(1, _github.CountRequests("POST", $"/repos/{Repo}/issues"));
    }

    [Fact]
    public async Task A_create_whose_answer_comes_too_late_fails_and_the_retry_finds_the_issue_github_made()
    {
        await using var harness = GitHubHarness.For(_github, new() { ["RequestTimeout"] = "00:00:01" });
        var request = GitHubHarness.Request(harness.SeedTicket());
        _github.Fail(GitHubRoute.CreateIssue, GitHubFault.SlowSuccess(TimeSpan.FromSeconds(3)));

        var lost = await Assert.ThrowsAnyAsync<Exception>(() => harness.Target().CreateIssueAsync(request, Token));
        var retried = await harness.Target().CreateIssueAsync(request, Token);

        Assert.Contains("GitHub did not answer", lost.Message, StringComparison.Ordinal);
        Assert.Equal($"{Repo}#1", retried.Reference.Key);
        Assert.Single(_github.Issues(Repo));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(429)]
    public async Task A_secondary_rate_limit_with_retry_after_is_waited_out_and_makes_one_issue(int status)
    {
        await using var harness = GitHubHarness.For(_github);
        _github.Fail(GitHubRoute.CreateIssue, GitHubFault.SecondaryRateLimit(status, TimeSpan.FromSeconds(1)));
        var clock = Stopwatch.StartNew();

        await harness.Target().CreateIssueAsync(GitHubHarness.Request(harness.SeedTicket()), Token);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"answered after {clock.Elapsed}");
        Assert.Single(_github.Issues(Repo));
        Assert.Equal([status, 201], _github.Requests.Where(r => r.Method == "POST").Select(r => r.Status));
    }

    [Fact]
    public async Task The_primary_rate_limit_is_waited_out_until_its_reset()
    {
        await using var harness = GitHubHarness.For(_github);
        _github.Fail(GitHubRoute.ListIssues, GitHubFault.PrimaryRateLimit(TimeSpan.FromSeconds(2)));

        await harness.Target().CreateIssueAsync(GitHubHarness.Request(harness.SeedTicket()), Token);

        var lists = _github.Requests.Where(r => r.Method == "GET").ToList();
        Assert.Equal([403, 200], lists.Select(r => r.Status));
        Assert.True(lists[1].At - lists[0].At >= TimeSpan.FromSeconds(1), $"retried {lists[1].At - lists[0].At} later");
        Assert.Single(_github.Issues(Repo));
    }

    [Fact]
    public async Task A_403_without_rate_limit_signs_is_a_permission_error_and_is_not_retried()
    {
        await using var harness = GitHubHarness.For(_github);
        _github.Fail(GitHubRoute.CreateIssue, GitHubFault.Forbidden());

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Target().CreateIssueAsync(GitHubHarness.Request(harness.SeedTicket()), Token));

        Assert.Contains("lacks permission", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, _github.CountRequests("POST", $"/repos/{Repo}/issues"));
        Assert.Empty(_github.Issues(Repo));
    }

    [Fact]
    public async Task A_500_on_create_is_not_retried_blindly_while_a_500_on_a_read_is()
    {
        await using var harness = GitHubHarness.For(_github);
        var request = GitHubHarness.Request(harness.SeedTicket());
        _github.Fail(GitHubRoute.CreateIssue, GitHubFault.ServerError());
        _github.Fail(GitHubRoute.ListIssues, GitHubFault.ServerError(502));

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Target().CreateIssueAsync(request, Token));
        Assert.Equal(1, _github.CountRequests("POST", $"/repos/{Repo}/issues"));
        Assert.Equal(2, _github.CountRequests("GET", $"/repos/{Repo}/issues"));

        await harness.Target().CreateIssueAsync(request, Token);
        Assert.Single(_github.Issues(Repo));
    }

    [Fact]
    public async Task A_note_becomes_one_comment_even_when_delivered_twice()
    {
        await using var harness = GitHubHarness.For(_github);
        _github.Seed(Repo, "Checkout fails");
        var note = new EscalationComment(new ExternalReference("github", $"{Repo}#1"), 1042, "Customer confirms it is fixed.", "1042-e1-c1") { Author = "Ana Agent" };

        var first = await harness.Target().AddCommentAsync(note, Token);
        var second = await harness.Target().AddCommentAsync(note, Token);

        var comment = Assert.Single(_github.Issues(Repo)[0].Comments);
        Assert.Equal(first, second);
        Assert.Contains("> Customer confirms it is fixed.", comment.Body, StringComparison.Ordinal);
        Assert.Contains("<!-- helpdesk:comment:1042-e1-c1 -->", comment.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_issues_maps_states_and_unknown_issues_read_as_none()
    {
        await using var harness = GitHubHarness.For(_github);
        _github.Seed(Repo, "Open one");
        var wontFix = _github.Seed(Repo, "Won't fix");
        (wontFix.State, wontFix.StateReason) = ("closed", "not_planned");

        var open = await harness.Target().GetIssueAsync(new ExternalReference("github", $"{Repo}#1"), Token);
        var closed = await harness.Target().GetIssueAsync(new ExternalReference("github", $"{Repo}#2"), Token);

        Assert.Equal(("open", false, "Open one"), (open!.Status, open.IsResolved, open.Title));
        Assert.Equal(("closed (not planned)", true), (closed!.Status, closed.IsResolved));
        Assert.Null(await harness.Target().GetIssueAsync(new ExternalReference("github", $"{Repo}#99"), Token));
        Assert.Null(await harness.Target().GetIssueAsync(new ExternalReference("github", "not-a-key"), Token));
    }

    [Fact]
    public async Task An_escalation_naming_another_repository_goes_there()
    {
        await using var harness = GitHubHarness.For(_github);

        var issue = await harness.Target().CreateIssueAsync(GitHubHarness.Request(harness.SeedTicket()) with { Project = "acme/other" }, Token);

        Assert.Equal("acme/other#1", issue.Reference.Key);
        Assert.Single(_github.Issues("acme/other"));
    }

    [Fact]
    public async Task The_issue_key_uses_githubs_spelling_of_the_repository_whatever_the_settings_case()
    {
        await using var harness = GitHubHarness.For(_github, new() { ["Owner"] = "ACME", ["Repository"] = "HelpDesk-Escalations" });

        var issue = await harness.Target().CreateIssueAsync(GitHubHarness.Request(harness.SeedTicket()), Token);

        Assert.Equal($"{Repo}#1", issue.Reference.Key);
    }

    [Fact]
    public async Task A_note_on_an_issue_with_over_a_page_of_recent_comments_is_still_found_and_not_posted_twice()
    {
        await using var harness = GitHubHarness.For(_github);
        var issue = _github.Seed(Repo, "Busy issue");
        for (var i = 0; i < 150; i++)
        {
            issue.Comments.Add(new FakeGitHubComment(i + 1, $"comment {i}", "someone", DateTimeOffset.UtcNow));
        }

        var note = new EscalationComment(new ExternalReference("github", $"{Repo}#1"), 7, "Customer update", "7-e1-c1");
        await harness.Target().AddCommentAsync(note, Token);
        await harness.Target().AddCommentAsync(note, Token);

        Assert.Single(issue.Comments, c => c.Body.Contains("helpdesk:comment:7-e1-c1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_token_fails_with_a_message_naming_the_setting_and_not_the_token()
    {
        await using var harness = GitHubHarness.For(_github, new() { ["Token"] = "wrong-token" });

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Target().CreateIssueAsync(GitHubHarness.Request(harness.SeedTicket()), Token));

        Assert.Contains("check Token", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", failure.Message, StringComparison.Ordinal);
    }
}
