using HelpDesk.Connectors.Jira.Hosting;
using HelpDesk.Sdk;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Testing;
using HelpDesk.Sdk.Tickets;
using HelpDesk.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace HelpDesk.Connectors.Jira.Tests;

/// <summary>The Jira plugin loaded as the hub loads it, configured for a <see cref="FakeJira"/>.</summary>
internal static class JiraHarness
{
    public const string WebhookSecret = "jira-webhook-test-secret";
    public const string QueryToken = "jira-query-test-token";

    public static Dictionary<string, string?> Settings(FakeJira jira, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BaseUrl"] = jira.BaseUrl.AbsoluteUri,
            ["Flavor"] = jira.Flavor == FakeJiraFlavor.Cloud ? "cloud" : "datacenter",
            ["Email"] = jira.Flavor == FakeJiraFlavor.Cloud ? FakeJira.Email : null,
            ["ApiToken"] = jira.Flavor == FakeJiraFlavor.Cloud ? FakeJira.ApiToken : FakeJira.PersonalAccessToken,
            ["ProjectKey"] = "OPS",
            ["IssueType"] = "Bug",
            ["WebhookSecret"] = WebhookSecret,
            ["Account"] = FakeJira.HelpDeskAccountId,
        };
        return With(settings, more);
    }

    public static PluginHarness<JiraPlugin> For(FakeJira jira, Dictionary<string, string?>? more = null, IHelpDeskApi? hub = null) =>
        new(Settings(jira, more), configureServices: hub is null ? null : services => services.AddSingleton(hub), pluginId: "jira");

    /// <summary>Webhook-only tests need no Jira: the base URL is never called.</summary>
    public static PluginHarness<JiraPlugin> WebhooksOnly(Dictionary<string, string?>? more = null, IHelpDeskApi? hub = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BaseUrl"] = "https://jira.example.com/",
            ["Email"] = FakeJira.Email,
            ["ApiToken"] = FakeJira.ApiToken,
            ["ProjectKey"] = "OPS",
            ["WebhookSecret"] = WebhookSecret,
            ["Account"] = "712020:3f0c1d2e-0000-4a5b-9c8d-7e6f5a4b3c2d",
        };
        return new(With(settings, more), configureServices: hub is null ? null : services => services.AddSingleton(hub), pluginId: "jira");
    }

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings, Dictionary<string, string?>? more)
    {
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    public static IEscalationTarget Target(this PluginHarness<JiraPlugin> harness) => harness.Services.GetRequiredService<IEscalationTarget>();

    public static EscalationRequest Request(TicketSnapshot ticket, string idempotencyKey = "1-e1") =>
        new(ticket, "Checkout returns HTTP 500 for EU customers", "Checkout answers HTTP 500 for customers in the EU region since 09:58 UTC.", idempotencyKey)
        {
            TicketUrl = $"https://helpdesk.example.org/tickets/{ticket.Number}",
            RequestedBy = "Ana Agent",
        };

    public static TicketSnapshot SeedTicket(this PluginHarness<JiraPlugin> harness, TicketPriority priority = TicketPriority.High) =>
        harness.Api.Seed(new NewTicket("Checkout fails", "Since 09:58 every EU checkout fails.", new Customer("ops@northwind.example", "Nora", Organization: "Northwind Analytics GmbH")) { Priority = priority });
}
