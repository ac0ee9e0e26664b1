using HelpDesk.Connectors.Monitoring.Hosting;
using HelpDesk.Sdk.Testing;

namespace HelpDesk.Connectors.Monitoring.Tests;

public sealed class MonitoringReceiverTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/prometheus")]
    [InlineData("/alertmanager/extra")]
    public async Task An_unknown_sub_path_gets_404(string path)
    {
        await using var harness = Harnesses.With();

        var response = await harness.ReceiveWebhookAsync(Webhooks.Request(path, Webhooks.Utf8("{}"), Webhooks.Bearer(Settings.AlertmanagerToken)));

        Assert.Equal(404, response.StatusCode);
    }

    [Theory]
    [InlineData("/alertmanager", "PUT")]
    [InlineData("/events", "GET")]
    [InlineData("/generic", "DELETE")]
    public async Task A_method_the_sender_does_not_use_gets_405(string path, string method)
    {
        await using var harness = Harnesses.With();

        var response = await harness.ReceiveWebhookAsync(Webhooks.Request(path, Webhooks.Utf8("{}"), Webhooks.Bearer(Settings.AlertmanagerToken), method));

        Assert.Equal(405, response.StatusCode);
    }

    [Theory]
    [InlineData("/alertmanager")]
    [InlineData("/grafana")]
    [InlineData("/events")]
    [InlineData("/generic")]
    public async Task With_no_settings_the_plugin_loads_and_every_endpoint_refuses_every_request_with_401(string path)
    {
        await using var harness = Harnesses.With(new Dictionary<string, string?>());

        var response = await harness.ReceiveWebhookAsync(Webhooks.Request(path, Webhooks.Utf8("{}"), new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer ",
            ["X-HelpDesk-Signature"] = "sha256=" + new string('0', 64),
        }));

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(harness.Api.ReportedAlerts);
    }

    [Fact]
    public void A_source_name_too_long_for_the_hub_fails_the_load_naming_the_key()
    {
        var settings = Settings.All();
        settings["Grafana:Source"] = new string('g', 129);

        var failure = Assert.Throws<InvalidOperationException>(() => new PluginHarness<MonitoringPlugin>(settings, pluginId: Harnesses.PluginId));

        Assert.Contains("Grafana:Source", failure.Message, StringComparison.Ordinal);
    }
}
