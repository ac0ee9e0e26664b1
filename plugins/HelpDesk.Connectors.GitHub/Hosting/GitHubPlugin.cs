using HelpDesk.Connectors.GitHub.Api;
using HelpDesk.Connectors.GitHub.Escalation;
using HelpDesk.Connectors.GitHub.Webhooks;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Connectors.GitHub.Hosting;

/// <summary>
/// Escalates tickets to GitHub issues (<c>escalation-target</c> "github") and records closes, reopens and comments on
/// them from the repository's webhook at <c>/hooks/github</c>.
/// </summary>
public sealed class GitHubPlugin : IHelpDeskPlugin
{
    /// <inheritdoc/>
    public void Register(PluginContext context)
    {
        if (string.IsNullOrWhiteSpace(context.Configuration["Token"]))
        {
            var unconfigured = new UnconfiguredGitHub();
            context.Services.AddSingleton<IEscalationTarget>(unconfigured);
            context.Services.AddSingleton<IWebhookReceiver>(unconfigured);
            return;
        }

        context.Services.AddSingleton(GitHubOptions.From(context.Configuration));
        context.Services.AddSingleton<GitHubTracker>();
        context.Services.AddSingleton<IEscalationTarget, GitHubEscalationTarget>();
        context.Services.AddSingleton<IWebhookReceiver, GitHubWebhookReceiver>();
    }
}
