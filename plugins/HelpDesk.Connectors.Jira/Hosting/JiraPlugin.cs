using System.Net.Http.Headers;
using System.Text;
using HelpDesk.Connectors.Jira.Api;
using HelpDesk.Connectors.Jira.Escalation;
using HelpDesk.Connectors.Jira.Webhooks;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Connectors.Jira.Hosting;

/// <summary>
/// Escalates tickets to Jira (<c>escalation-target</c> "jira") and records the progress on them from Jira's
/// webhooks at <c>/hooks/jira</c>.
/// </summary>
public sealed class JiraPlugin : IHelpDeskPlugin
{
    /// <inheritdoc/>
    public void Register(PluginContext context)
    {
        if (string.IsNullOrWhiteSpace(context.Configuration["BaseUrl"]))
        {
            var unconfigured = new UnconfiguredJira();
            context.Services.AddSingleton<IEscalationTarget>(unconfigured);
            context.Services.AddSingleton<IWebhookReceiver>(unconfigured);
            return;
        }

        var options = JiraOptions.From(context.Configuration);
        context.Services.AddSingleton(options);
        context.Services
            .AddHttpClient<JiraClient>(http =>
            {
                http.BaseAddress = options.BaseUrl;
                http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                http.DefaultRequestHeaders.Authorization = Credentials(options);
                http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("HelpDesk-Jira", "0.1"));
            })
            .AddResilienceHandler("jira", (pipeline, handler) => JiraRetries.Configure(pipeline, options, handler.ServiceProvider.GetRequiredService<TimeProvider>()));
        context.Services.AddSingleton<IEscalationTarget, JiraEscalationTarget>();
        context.Services.AddSingleton<IWebhookReceiver, JiraWebhookReceiver>();
    }

    private static AuthenticationHeaderValue Credentials(JiraOptions options) => options.Flavor == JiraFlavor.Cloud
        ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Email}:{options.ApiToken}")))
        : new AuthenticationHeaderValue("Bearer", options.ApiToken);
}
