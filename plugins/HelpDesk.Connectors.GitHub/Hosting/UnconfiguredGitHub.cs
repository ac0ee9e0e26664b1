using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Tickets;

namespace HelpDesk.Connectors.GitHub.Hosting;

/// <summary>
/// The plugin installed but not set up (no <c>Token</c>): it runs, so the hub lists it, and says what is missing on
/// every use. Escalations to it fail (and are retried, so setting it up lets them through); webhooks are refused.
/// </summary>
internal sealed class UnconfiguredGitHub : IEscalationTarget, IWebhookReceiver
{
    public const string Problem = "The github plugin is not configured: set HelpDesk:Plugins:github:Token, Owner and Repository (and BaseUrl for GitHub Enterprise Server).";

    public string Name => "github";

    public Task<ExternalIssue> CreateIssueAsync(EscalationRequest request, CancellationToken cancellationToken) => throw new InvalidOperationException(Problem);

    public Task<ExternalComment> AddCommentAsync(EscalationComment comment, CancellationToken cancellationToken) => throw new InvalidOperationException(Problem);

    public Task<ExternalIssue?> GetIssueAsync(ExternalReference issue, CancellationToken cancellationToken) => throw new InvalidOperationException(Problem);

    public Task<WebhookResponse> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken) => Task.FromResult(WebhookResponse.Unauthorized(Problem));
}
