using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Connectors.Jira.Hosting;

/// <summary>
/// The plugin as installed but not yet set up (no <c>BaseUrl</c>): it runs, so the hub lists it, and says what is
/// missing on every use instead of failing the hub's start-up. Escalations to it fail (and are retried, so setting it
/// up later lets them through); webhooks are refused.
/// </summary>
internal sealed class UnconfiguredJira : IEscalationTarget, IWebhookReceiver
{
    public const string Problem = "The jira plugin is not configured: set HelpDesk:Plugins:jira:BaseUrl, ApiToken, ProjectKey (and Email on Cloud).";

    public string Name => "jira";

    public Task<ExternalIssue> CreateIssueAsync(EscalationRequest request, CancellationToken cancellationToken) => throw new InvalidOperationException(Problem);

    public Task<ExternalComment> AddCommentAsync(EscalationComment comment, CancellationToken cancellationToken) => throw new InvalidOperationException(Problem);

    public Task<ExternalIssue?> GetIssueAsync(ExternalReference issue, CancellationToken cancellationToken) => throw new InvalidOperationException(Problem);

    public Task<WebhookResponse> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(WebhookResponse.Unauthorized(Problem));
}
