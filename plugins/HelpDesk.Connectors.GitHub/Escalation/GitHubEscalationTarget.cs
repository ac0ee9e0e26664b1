using HelpDesk.Connectors.GitHub.Api;
using HelpDesk.Connectors.GitHub.Hosting;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Tickets;
using Microsoft.Extensions.Logging;
using Octokit;

namespace HelpDesk.Connectors.GitHub.Escalation;

/// <summary>
/// Creates, comments on and reads GitHub issues for escalated tickets. GitHub's create is not idempotent: every create
/// first looks among the repository's newest issues for the escalation's hidden marker (the issue list is consistent,
/// unlike search, which lags), and every comment among the issue's recent comments for the note's marker.
/// </summary>
internal sealed class GitHubEscalationTarget(GitHubTracker tracker, GitHubOptions options, TimeProvider clock, ILogger<GitHubEscalationTarget> logger) : IEscalationTarget
{
    public const string System = "github";

    private static readonly ApiOptions OnePage = new() { PageSize = 100, PageCount = 1, StartPage = 1 };

    public string Name => System;

    public Task<ExternalIssue> CreateIssueAsync(EscalationRequest request, CancellationToken cancellationToken) => Guarded(async () =>
    {
        var (owner, repository) = Repository(request.Project);
        var marker = IssueText.EscalationMarker(request.IdempotencyKey);
        var newest = await tracker.Client.Issue.GetAllForRepository(
            owner, repository, new RepositoryIssueRequest { State = ItemStateFilter.All, SortProperty = IssueSort.Created, SortDirection = SortDirection.Descending }, OnePage);
        if (newest.FirstOrDefault(i => i.PullRequest is null && i.Body?.Contains(marker, StringComparison.Ordinal) == true) is { } earlier)
        {
            logger.LogInformation("Escalation {IdempotencyKey} already has GitHub issue {Number}; not creating another.", request.IdempotencyKey, earlier.Number);
            return External(owner, repository, earlier);
        }

        var issue = new NewIssue(IssueText.Title(request)) { Body = IssueText.Body(request) };
        foreach (var label in options.Labels.Concat(request.Labels).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            issue.Labels.Add(label);
        }

        return External(owner, repository, await tracker.Client.Issue.Create(owner, repository, issue));
    });

    public Task<ExternalComment> AddCommentAsync(EscalationComment comment, CancellationToken cancellationToken) => Guarded(async () =>
    {
        var key = IssueKey.Parse(comment.Issue.Key) ?? throw new InvalidOperationException($"'{comment.Issue.Key}' is not a GitHub issue key (owner/repo#number).");
        var marker = IssueText.CommentMarker(comment.IdempotencyKey);
        // GitHub lists an issue's comments oldest first only: every page of the last week's, as a note is retried for
        // hours at most; older comments cannot hold its marker.
        var recent = await tracker.Client.Issue.Comment.GetAllForIssue(key.Owner, key.Repository, key.Number, new IssueCommentRequest { Since = clock.GetUtcNow().AddDays(-7) }, new ApiOptions { PageSize = 100 });
        var posted = recent.FirstOrDefault(c => c.Body?.Contains(marker, StringComparison.Ordinal) == true)
            ?? await tracker.Client.Issue.Comment.Create(key.Owner, key.Repository, key.Number, IssueText.Comment(comment));
        return new ExternalComment(posted.Id.ToString(global::System.Globalization.CultureInfo.InvariantCulture), posted.HtmlUrl);
    });

    public Task<ExternalIssue?> GetIssueAsync(ExternalReference issue, CancellationToken cancellationToken) => Guarded(async () =>
    {
        if (IssueKey.Parse(issue.Key) is not { } key)
        {
            return null;
        }

        try
        {
            return (ExternalIssue?)External(key.Owner, key.Repository, await tracker.Client.Issue.Get(key.Owner, key.Repository, key.Number));
        }
        catch (NotFoundException)
        {
            return null;
        }
    });

    public static ExternalIssue External(string owner, string repository, Issue issue)
    {
        // Repository names are case-insensitive on GitHub and webhooks spell them as GitHub does: take GitHub's spelling
        // from the issue's address, so a webhook's key matches the link whatever the configuration's case.
        if (Uri.TryCreate(issue.HtmlUrl, UriKind.Absolute, out var url) && url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var o, var r, "issues", _, ..])
        {
            (owner, repository) = (o, r);
        }

        var closed = issue.State.Value == ItemState.Closed;
        var status = closed && issue.StateReason?.Value == ItemStateReason.NotPlanned ? "closed (not planned)" : closed ? "closed" : "open";
        return new ExternalIssue(new ExternalReference(System, IssueKey.Of($"{owner}/{repository}", issue.Number), issue.HtmlUrl), status)
        {
            // Closed as not planned still ends engineering's part: the agent has news for the customer either way.
            IsResolved = closed,
            Title = issue.Title,
        };
    }

    private (string Owner, string Repository) Repository(string? project)
    {
        if (project is null)
        {
            return (options.Owner, options.Repository);
        }

        var parts = project.Split('/');
        return parts is [{ Length: > 0 } owner, { Length: > 0 } repository]
            ? (owner, repository)
            : throw new InvalidOperationException($"The escalation's project '{project}' is not a GitHub repository (owner/repo).");
    }

    // Octokit's exceptions carry GitHub's message; the token never appears in them.
    private static async Task<T> Guarded<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AuthorizationException e)
        {
            throw new InvalidOperationException($"GitHub refused the token (401): check Token. {e.Message}", e);
        }
        catch (RateLimitExceededException e)
        {
            throw new InvalidOperationException($"GitHub's rate limit is used up until {e.Reset:u}; the hub retries later.", e);
        }
        catch (SecondaryRateLimitExceededException e)
        {
            throw new InvalidOperationException($"GitHub's secondary rate limit refused the call; the hub retries later. {e.Message}", e);
        }
        catch (ForbiddenException e)
        {
            throw new InvalidOperationException($"GitHub answered 403: the token lacks permission on the repository. {e.Message}", e);
        }
        catch (ApiException e)
        {
            throw new InvalidOperationException($"GitHub answered {(int)e.StatusCode}: {e.Message}", e);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            throw new InvalidOperationException($"GitHub did not answer: {e.Message}", e);
        }
    }
}
