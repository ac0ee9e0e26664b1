using System.Text.Json.Nodes;
using HelpDesk.Connectors.GitHub.Api;
using HelpDesk.Connectors.GitHub.Escalation;
using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Connectors.GitHub.Webhooks;

/// <summary>
/// What a GitHub delivery means for linked tickets: an issue closed or reopened, or a new comment on it, as an
/// <see cref="ExternalUpdate"/> whose id is the delivery's (a redelivery keeps it); null for everything else: other
/// actions, pull requests, and HelpDesk's own doings.
/// </summary>
internal static class GitHubWebhookEvent
{
    public static ExternalUpdate? Update(string? eventName, JsonObject payload, string deliveryId, string? botLogin)
    {
        var issue = payload["issue"];
        if ((string?)payload["repository"]?["full_name"] is not { Length: > 0 } repository
            || issue?["number"] is not JsonValue numberValue || !numberValue.TryGetValue<int>(out var number)
            || issue["pull_request"] is not null
            || (botLogin is not null && string.Equals((string?)payload["sender"]?["login"], botLogin, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        // The update's Url becomes the link's address on the ticket, so it is always the issue's, never a comment's.
        var key = IssueKey.Of(repository, number);
        var update = new ExternalUpdate(GitHubEscalationTarget.System, key)
        {
            Author = (string?)payload["sender"]?["login"],
            Url = (string?)issue["html_url"],
            Id = $"github-delivery:{deliveryId}",
        };
        return (eventName, (string?)payload["action"]) switch
        {
            ("issues", "closed") => update with
            {
                Status = (string?)issue["state_reason"] == "not_planned" ? "closed (not planned)" : "closed",
                IsResolved = true,
            },
            ("issues", "reopened") => update with { Status = "open", IsResolved = false },
            ("issue_comment", "created") when (string?)payload["comment"]?["body"] is { Length: > 0 } body
                && !body.Contains("<!-- helpdesk:comment:", StringComparison.Ordinal) => update with
            {
                Comment = body,
                Author = (string?)payload["comment"]?["user"]?["login"] ?? update.Author,
            },
            _ => null,
        };
    }
}
