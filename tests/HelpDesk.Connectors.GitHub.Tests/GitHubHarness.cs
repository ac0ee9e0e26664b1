using HelpDesk.Connectors.GitHub.Hosting;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Testing;
using HelpDesk.Sdk.Tickets;
using HelpDesk.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Connectors.GitHub.Tests;

/// <summary>The GitHub plugin loaded as the hub loads it, pointed at a <see cref="FakeGitHub"/> as an Enterprise Server.</summary>
internal static class GitHubHarness
{
    public const string Repository = "acme/helpdesk-escalations";
    public const string WebhookSecret = "github-webhook-test-secret";

    public static PluginHarness<GitHubPlugin> For(FakeGitHub? github, Dictionary<string, string?>? more = null, IHelpDeskApi? hub = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BaseUrl"] = github?.EnterpriseBaseUrl.AbsoluteUri ?? "https://github.example.com/api/v3/",
            ["Token"] = FakeGitHub.Token,
            ["Owner"] = "acme",
            ["Repository"] = "helpdesk-escalations",
            ["Labels"] = "helpdesk, escalated",
            ["WebhookSecret"] = WebhookSecret,
            ["BotLogin"] = FakeGitHub.BotLogin,
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return new(settings, configureServices: hub is null ? null : services => services.AddSingleton(hub), pluginId: "github");
    }

    public static IEscalationTarget Target(this PluginHarness<GitHubPlugin> harness) => harness.Services.GetRequiredService<IEscalationTarget>();

    public static EscalationRequest Request(TicketSnapshot ticket, string idempotencyKey = "1-e1") =>
        new(ticket, "Checkout returns HTTP 500 for EU customers", "Checkout answers HTTP 500 for customers in the EU region since 09:58 UTC.\n@all see #12", idempotencyKey)
        {
            TicketUrl = $"https://helpdesk.example.org/tickets/{ticket.Number}",
            RequestedBy = "Ana Agent",
        };

    public static TicketSnapshot SeedTicket(this PluginHarness<GitHubPlugin> harness) =>
        harness.Api.Seed(new NewTicket("Checkout fails", "Since 09:58 every EU checkout fails.", new Customer("ops@northwind.example", "Nora", Organization: "Northwind Analytics GmbH")) { Priority = TicketPriority.High });
}
