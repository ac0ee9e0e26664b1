using System.Net;

namespace HelpDesk.Connectors.Jira.Api;

/// <summary>Jira refused a request or could not be reached; the message says which request and why, never a credential.</summary>
internal sealed class JiraApiException(HttpStatusCode? status, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Jira's answer, or null when none came (timeout, connection refused).</summary>
    public HttpStatusCode? Status { get; } = status;

    /// <summary>Field errors Jira named (<c>priority</c>, <c>summary</c>), for deciding what to leave out on a second try.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors { get; init; } = new Dictionary<string, string>();
}
