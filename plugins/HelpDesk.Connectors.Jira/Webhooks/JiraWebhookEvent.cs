using System.Text.Json.Nodes;
using HelpDesk.Connectors.Jira.Api;
using HelpDesk.Connectors.Jira.Escalation;
using HelpDesk.Connectors.Jira.Hosting;
using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Connectors.Jira.Webhooks;

/// <summary>
/// What a Jira webhook means for linked tickets: a status change (from the changelog, not the issue's current status)
/// or a new comment, as an <see cref="ExternalUpdate"/>; null for everything else. Each update's id is stable across
/// redeliveries and across several webhooks reporting the same change: the changelog's id, the comment's id.
/// </summary>
internal static class JiraWebhookEvent
{
    public static ExternalUpdate? Update(JsonObject payload, string? deliveryId, JiraOptions options)
    {
        if ((string?)payload["issue"]?["key"] is not { Length: > 0 } key)
        {
            return null;
        }

        return (string?)payload["webhookEvent"] switch
        {
            "jira:issue_updated" => StatusChange(payload, key, deliveryId, options),
            "comment_created" => Comment(payload, key, options),
            _ => null,
        };
    }

    private static ExternalUpdate? StatusChange(JsonObject payload, string key, string? deliveryId, JiraOptions options)
    {
        var change = (payload["changelog"]?["items"] as JsonArray ?? []).LastOrDefault(i => (string?)i?["field"] == "status");
        if ((string?)change?["toString"] is not { Length: > 0 } status)
        {
            return null;
        }

        var current = payload["issue"]?["fields"]?["status"];
        var category = string.Equals((string?)current?["name"], status, StringComparison.OrdinalIgnoreCase) ? (string?)current?["statusCategory"]?["key"] : null;
        var changeId = (string?)payload["changelog"]?["id"];
        return new ExternalUpdate(JiraEscalationTarget.System, key)
        {
            Status = status,
            IsResolved = options.IsDone(status, category),
            Author = (string?)payload["user"]?["displayName"],
            Url = options.BrowseUrl(key).AbsoluteUri,
            Id = changeId is not null ? $"jira-change:{changeId}" : deliveryId is not null ? $"jira-delivery:{deliveryId}" : $"jira-status:{key}:{payload["timestamp"]}:{status}",
        };
    }

    private static ExternalUpdate? Comment(JsonObject payload, string key, JiraOptions options)
    {
        var comment = payload["comment"];
        var author = comment?["author"];
        if ((string?)comment?["id"] is not { Length: > 0 } id || IsHelpDesks(author, options))
        {
            return null;
        }

        var text = JiraText.PlainFrom(comment?["body"]);
        return text.Length == 0 ? null : new ExternalUpdate(JiraEscalationTarget.System, key)
        {
            Comment = text,
            Author = (string?)author?["displayName"],
            Id = $"jira-comment:{id}",
        };
    }

    // HelpDesk's own comments (escalation notes) would come back as notes on the ticket they came from.
    private static bool IsHelpDesks(JsonNode? author, JiraOptions options) =>
        options.Account is { } account
        && (string.Equals((string?)author?["accountId"], account, StringComparison.Ordinal) || string.Equals((string?)author?["name"], account, StringComparison.OrdinalIgnoreCase));
}
