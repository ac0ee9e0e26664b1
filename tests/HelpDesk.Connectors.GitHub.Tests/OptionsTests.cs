using HelpDesk.Connectors.GitHub.Hosting;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Connectors.GitHub.Tests;

public sealed class OptionsTests
{
    private static readonly Dictionary<string, string?> Valid = new() { ["Token"] = "t", ["Owner"] = "acme", ["Repository"] = "app" };

    [Theory]
    [InlineData("Owner", null, "github: Owner is required")]
    [InlineData("Repository", "app/x", "github: Repository is required")]
    [InlineData("BaseUrl", "github.example.com", "github: BaseUrl must be")]
    [InlineData("MaxRetryWait", "2 minutes", "github: MaxRetryWait '2 minutes' must be")]
    public void An_unusable_setting_fails_the_load_naming_its_key(string key, string? value, string message)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => GitHubOptions.From(Section(new(Valid) { [key] = value })));

        Assert.StartsWith(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_point_at_github_dot_com_with_the_helpdesk_label()
    {
        var options = GitHubOptions.From(Section(Valid));

        Assert.Equal(new Uri("https://api.github.com/"), options.BaseUrl);
        Assert.Equal(["helpdesk"], options.Labels);
        Assert.Null(options.WebhookSecret);
    }

    [Fact]
    public async Task Installed_without_a_token_it_loads_and_says_what_is_missing_on_every_use()
    {
        await using var harness = new Sdk.Testing.PluginHarness<GitHubPlugin>(pluginId: "github");

        var escalation = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Target().GetIssueAsync(new("github", "a/b#1"), TestContext.Current.CancellationToken));

        Assert.Contains("HelpDesk:Plugins:github:Token", escalation.Message, StringComparison.Ordinal);
        Assert.Equal(401, (await harness.PostWebhookAsync("/", "{}")).StatusCode);
    }

    private static IConfiguration Section(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
