using System.Net;
using HelpDesk.Connectors.Jira.Api;
using HelpDesk.Connectors.Jira.Hosting;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Tickets;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Connectors.Jira.Escalation;

/// <summary>
/// Creates, comments on and reads Jira issues for escalated tickets. Jira's create is not idempotent, so every create
/// first looks for the escalation's label (an earlier attempt whose answer was lost made the issue already), and every
/// comment first looks for its idempotency key among the issue's comment properties.
/// </summary>
internal sealed class JiraEscalationTarget(JiraClient jira, JiraOptions options, ILogger<JiraEscalationTarget> logger) : IEscalationTarget
{
    public const string System = "jira";

    public string Name => System;

    public async Task<ExternalIssue> CreateIssueAsync(EscalationRequest request, CancellationToken cancellationToken)
    {
        var issue = await jira.FindByLabelAsync(IssueContent.IdempotencyLabel(request.IdempotencyKey), cancellationToken);
        if (issue is null)
        {
            var key = await CreateAsync(request, cancellationToken);
            issue = await jira.GetIssueAsync(key, cancellationToken) ?? new JiraIssue(key, request.Summary, "created", null);
        }
        else
        {
            logger.LogInformation("Escalation {IdempotencyKey} already has Jira issue {Key}; not creating another.", request.IdempotencyKey, issue.Key);
        }

        if (request.TicketUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var ticketUrl))
        {
            await jira.UpsertRemoteLinkAsync(issue.Key, IssueContent.RemoteLink(request, ticketUrl, resolved: false), cancellationToken);
        }

        return External(issue);
    }

    public async Task<ExternalComment> AddCommentAsync(EscalationComment comment, CancellationToken cancellationToken)
    {
        var key = comment.Issue.Key;
        var earlier = (await jira.GetCommentsAsync(key, cancellationToken)).FirstOrDefault(c => c.IdempotencyKey == comment.IdempotencyKey);
        var id = earlier?.Id ?? await jira.AddCommentAsync(key, IssueContent.Comment(comment, options), comment.IdempotencyKey, cancellationToken);
        return new ExternalComment(id, $"{options.BrowseUrl(key).AbsoluteUri}?focusedCommentId={Uri.EscapeDataString(id)}");
    }

    public async Task<ExternalIssue?> GetIssueAsync(ExternalReference issue, CancellationToken cancellationToken) =>
        await jira.GetIssueAsync(issue.Key, cancellationToken) is { } found ? External(found) : null;

    // Many projects leave priority off the create screen, and Jira then refuses the field: the issue is created
    // without it rather than not at all.
    private async Task<string> CreateAsync(EscalationRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await jira.CreateIssueAsync(IssueContent.Fields(request, options, withPriority: true), cancellationToken);
        }
        catch (JiraApiException e) when (e.Status == HttpStatusCode.BadRequest && e.FieldErrors.ContainsKey("priority"))
        {
            logger.LogWarning("Jira refused the priority on {Project}; creating the issue without it: {Reason}", request.Project ?? options.ProjectKey, e.Message);
            return await jira.CreateIssueAsync(IssueContent.Fields(request, options, withPriority: false), cancellationToken);
        }
    }

    private ExternalIssue External(JiraIssue issue) =>
        new(new ExternalReference(System, issue.Key, options.BrowseUrl(issue.Key).AbsoluteUri), issue.Status)
        {
            IsResolved = options.IsDone(issue.Status, issue.StatusCategory),
            Title = issue.Summary,
        };
}
