using HelpDesk.Connectors.Zoom.Hosting;
using HelpDesk.Sdk.Testing;
using Microsoft.Extensions.Configuration;

namespace HelpDesk.Connectors.Zoom.Tests;

public sealed class OptionsTests
{
    private static readonly Dictionary<string, string?> Minimal = new()
    {
        ["AccountId"] = "account",
        ["ClientId"] = "client",
        ["ClientSecret"] = "secret",
    };

    [Theory]
    [InlineData("ClientId", "", "zoom: ClientId is required")]
    [InlineData("ClientSecret", " ", "zoom: ClientSecret is required")]
    [InlineData("AccountId", null, "zoom: AccountId is required")]
    [InlineData("TokenUrl", "zoom.us/oauth/token", "zoom: TokenUrl 'zoom.us/oauth/token' must be an absolute http(s) address")]
    [InlineData("AutoRecording", "always", "zoom: AutoRecording 'always' must be none, local or cloud")]
    [InlineData("WaitingRoom", "yes", "zoom: WaitingRoom 'yes' must be true or false")]
    [InlineData("RequestTimeout", "forever", "zoom: RequestTimeout 'forever' must be a duration")]
    [InlineData("TimestampTolerance", "00:00:00", "zoom: TimestampTolerance '00:00:00' must be a duration")]
    public void An_unusable_setting_fails_the_load_naming_its_key(string key, string? value, string message)
    {
        var settings = new Dictionary<string, string?>(Minimal) { [key] = value };

        var failure = Assert.Throws<InvalidOperationException>(() => ZoomOptions.From(Section(settings)));

        Assert.StartsWith(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_zooms_hosts_the_apps_user_a_waiting_room_and_no_recording()
    {
        var options = ZoomOptions.From(Section(new(Minimal) { ["ApiBaseUrl"] = "http://127.0.0.1:5000/v2" }));

        Assert.Equal("https://zoom.us/oauth/token", options.TokenUrl.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:5000/v2/", options.ApiBaseUrl.AbsoluteUri);
        Assert.Equal("me", options.UserId);
        Assert.True(options.WaitingRoom);
        Assert.False(options.JoinBeforeHost);
        Assert.False(options.MuteUponEntry);
        Assert.Equal(ZoomAutoRecording.None, options.AutoRecording);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(300), options.TimestampTolerance);
        Assert.Null(options.WebhookSecret);
        Assert.DoesNotContain("secret", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installed_without_settings_it_loads_and_says_what_is_missing_on_every_use_and_on_its_status()
    {
        await using var harness = new PluginHarness<ZoomPlugin>(pluginId: "zoom");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Provider().ScheduleMeetingAsync(ZoomHarness.Request(), TestContext.Current.CancellationToken));
        var webhook = await harness.PostWebhookAsync("/", "{}", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("HelpDesk:Plugins:zoom:AccountId, ClientId and ClientSecret", failure.Message, StringComparison.Ordinal);
        Assert.Equal("zoom", harness.Provider().Name);
        Assert.Equal(401, webhook.StatusCode);
        Assert.Equal(failure.Message, webhook.Detail);
        Assert.Equal(failure.Message, Assert.Single(harness.State.Problems).Value);
    }

    private static IConfiguration Section(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
