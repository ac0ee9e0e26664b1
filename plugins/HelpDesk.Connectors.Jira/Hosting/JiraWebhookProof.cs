namespace HelpDesk.Connectors.Jira.Hosting;

/// <summary>How a Jira webhook proves it comes from the configured Jira.</summary>
public enum JiraWebhookProof
{
    /// <summary><c>X-Hub-Signature: sha256=…</c>, an HMAC of the body under the webhook's secret (Cloud, recent Data Center).</summary>
    Signature,

    /// <summary>The secret as <c>?token=…</c> in the webhook's URL, for Jira versions that cannot sign.</summary>
    QueryToken,
}
