using HelpDesk.Connectors.Jira.Hosting;
using HelpDesk.Sdk.Tickets;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Connectors.Jira.Tests;

public sealed class OptionsTests
{
    private static readonly Dictionary<string, string?> Cloud = new()
    {
        ["BaseUrl"] = "https://example.atlassian.net",
        ["Email"] = "helpdesk@example.org",
        ["ApiToken"] = "token",
        ["ProjectKey"] = "OPS",
    };

    [Theory]
    [InlineData("BaseUrl", "not a url", "jira: BaseUrl must be")]
    [InlineData("BaseUrl", "ftp://jira.example.com", "jira: BaseUrl must be")]
    [InlineData("ApiToken", "", "jira: ApiToken is required")]
    [InlineData("ProjectKey", " ", "jira: ProjectKey is required")]
    [InlineData("Email", null, "jira: Email is required on Cloud")]
    [InlineData("Flavor", "jira9", "jira: Flavor 'jira9' must be cloud or datacenter")]
    [InlineData("WebhookProof", "basic", "jira: WebhookProof 'basic' must be")]
    [InlineData("Labels", "help desk", "jira: Labels 'help desk' contains a space")]
    [InlineData("RequestTimeout", "forever", "jira: RequestTimeout 'forever' must be a duration")]
    public void An_unusable_setting_fails_the_load_naming_its_key(string key, string? value, string message)
    {
        var settings = new Dictionary<string, string?>(Cloud) { [key] = value };

        var failure = Assert.Throws<InvalidOperationException>(() => JiraOptions.From(Section(settings)));

        Assert.StartsWith(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_center_needs_no_email_and_defaults_are_sensible()
    {
        var options = JiraOptions.From(Section(new() { ["BaseUrl"] = "https://jira.example.com/jira", ["Flavor"] = "datacenter", ["ApiToken"] = "pat", ["ProjectKey"] = "OPS" }));

        Assert.Equal(JiraFlavor.DataCenter, options.Flavor);
        Assert.Equal("https://jira.example.com/jira/browse/OPS-1", options.BrowseUrl("OPS-1").AbsoluteUri);
        Assert.Equal("Task", options.IssueType);
        Assert.Equal(["helpdesk"], options.Labels);
        Assert.Equal("Highest", options.Priorities[TicketPriority.Urgent]);
        Assert.Equal(JiraWebhookProof.Signature, options.WebhookProof);
    }

    [Fact]
    public void Priorities_and_done_statuses_can_be_configured()
    {
        var options = JiraOptions.From(Section(new(Cloud) { ["Priorities:Urgent"] = "P1", ["DoneStatuses:0"] = "Released", ["DoneStatuses:1"] = "Closed" }));

        Assert.Equal("P1", options.Priorities[TicketPriority.Urgent]);
        Assert.Equal("Medium", options.Priorities[TicketPriority.Normal]);
        Assert.Equal(["Released", "Closed"], options.DoneStatuses);
    }

    [Fact]
    public async Task Installed_without_settings_it_loads_and_says_what_is_missing_on_every_use()
    {
        await using var harness = new Sdk.Testing.PluginHarness<JiraPlugin>(pluginId: "jira");

        var escalation = await Assert.ThrowsAsync<InvalidOperationException>(() => JiraHarness.Target(harness).GetIssueAsync(new("jira", "OPS-1"), TestContext.Current.CancellationToken));
        var webhook = await harness.PostWebhookAsync("/", "{}");

        Assert.Contains("HelpDesk:Plugins:jira:BaseUrl", escalation.Message, StringComparison.Ordinal);
        Assert.Equal(401, webhook.StatusCode);
    }

    private static IConfiguration Section(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
