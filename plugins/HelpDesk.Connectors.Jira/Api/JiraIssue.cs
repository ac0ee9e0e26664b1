namespace HelpDesk.Connectors.Jira.Api;

/// <summary>The fields of an issue the plugin reads.</summary>
/// <param name="Key">Its key (<c>OPS-318</c>).</param>
/// <param name="Summary">Its title.</param>
/// <param name="Status">Its status, as the site names it.</param>
/// <param name="StatusCategory">Jira's fixed category of that status: <c>new</c>, <c>indeterminate</c> or <c>done</c>.</param>
internal sealed record JiraIssue(string Key, string? Summary, string Status, string? StatusCategory);

/// <summary>A comment, with the idempotency key HelpDesk stored on it as a comment property (null on others').</summary>
internal sealed record JiraComment(string Id, string? IdempotencyKey);
