using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpDesk.Core.Security;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Plugins;

/// <summary>The admin plugin API and the webhook endpoint, with the compiled echo plugin in the hub's plugins folder.</summary>
public sealed class PluginsApiTests : IAsyncLifetime
{
    private readonly TempDirectory _plugins = new();
    private HelpDeskApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        FixturePlugins.InstallEcho(_plugins.Path);
        _app = HelpDeskApp.Sqlite(new()
        {
            ["HelpDesk:PluginsDirectory"] = _plugins.Path,
            ["HelpDesk:PluginHost:MaxWebhookBodyBytes"] = "1024",
        });
        await _app.Admin().GetAsync("/health/ready");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _plugins.Dispose();
    }

    [Fact]
    public async Task Admins_see_each_plugin_with_its_state_capabilities_and_delivery()
    {
        var list = await _app.Admin().GetJsonAsync("/api/v1/plugins");

        var echo = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(("echo", "1.0.0", "running"), (echo.GetProperty("id").GetString(), echo.GetProperty("version").GetString(), echo.GetProperty("state").GetString()));
        Assert.Equal(["event-handler", "webhook-receiver"], echo.GetProperty("capabilities").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal(0, echo.GetProperty("delivery").GetProperty("deadLetters").GetInt32());
    }

    [Fact]
    public async Task A_webhook_reaches_the_plugins_receiver_with_its_raw_body()
    {
        var response = await _app.CreateClient().PostAsync("/hooks/echo/events/issue", new ByteArrayContent(new byte[100]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("echo v1 received 100 bytes", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Webhooks_to_an_unknown_plugin_404_and_oversized_bodies_413()
    {
        var client = _app.CreateClient();

        var unknown = await client.PostAsync("/hooks/nobody/x", new ByteArrayContent([1]));
        var oversized = await client.PostAsync("/hooks/echo/x", new ByteArrayContent(new byte[4096]));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal("application/problem+json", oversized.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_disabled_plugins_webhook_answers_503_until_it_is_enabled()
    {
        var admin = _app.Admin();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/plugins/echo/disable", null)).StatusCode);

        var whileDisabled = await _app.CreateClient().PostAsync("/hooks/echo/x", new ByteArrayContent([1]));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDisabled.StatusCode);

        var enabled = await admin.PostAsync("/api/v1/plugins/echo/enable", null);
        Assert.Equal("running", (await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await _app.CreateClient().PostAsync("/hooks/echo/x", new ByteArrayContent([1]))).StatusCode);
    }

    [Fact]
    public async Task Only_admins_manage_plugins()
    {
        var agent = await _app.NewKeyAsync(ApiKeyScope.Agent);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/plugins")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Admin().PostAsync("/api/v1/plugins/nobody/reload", null)).StatusCode);
    }
}
