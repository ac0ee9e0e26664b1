using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HelpDesk.Server.Tests.Infrastructure;
using HelpDesk.TestSupport;

namespace HelpDesk.Server.Tests.Alerts;

/// <summary>A hub running the real monitoring connector, with the contract's test credentials configured for every source.</summary>
internal static class MonitoringHub
{
    public const string AlertmanagerToken = "test-alertmanager-token";
    public const string GrafanaToken = "test-grafana-token";
    public const string EventsSecret = "helpdesk-events-test-secret";
    public const string GenericToken = "test-generic-token";
    public const string EventsRoutingKey = "f3b9c2d14a6e4b7c9d0e1f2a3b4c5d6e";

    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["HelpDesk:Plugins:monitoring:Alertmanager:BearerToken"] = AlertmanagerToken,
            ["HelpDesk:Plugins:monitoring:Grafana:BearerToken"] = GrafanaToken,
            ["HelpDesk:Plugins:monitoring:Events:HmacSecret"] = EventsSecret,
            ["HelpDesk:Plugins:monitoring:Generic:BearerToken"] = GenericToken,
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The same settings as environment variables, for a hub in a child process.</summary>
    public static Dictionary<string, string> Environment() =>
        Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant(), s => s.Value!);

    public static async Task<HelpDeskApp> StartAsync(Dictionary<string, string?>? more = null)
    {
        var app = HelpDeskApp.Sqlite(Settings(more));
        FixturePlugins.InstallMonitoring(app.PluginsDirectory);
        await WaitUntilRunningAsync(app.Admin());
        return app;
    }

    public static Task WaitUntilRunningAsync(HttpClient admin) => PluginStates.WaitUntilRunningAsync(admin, "monitoring", TimeSpan.FromSeconds(15));

    public static HttpRequestMessage Alertmanager(byte[] body, string token = AlertmanagerToken) => Post("alertmanager", body, ("Authorization", $"Bearer {token}"));

    public static HttpRequestMessage Grafana(byte[] body, string token = GrafanaToken) => Post("grafana", body, ("Authorization", $"Bearer {token}"));

    public static HttpRequestMessage Events(byte[] body, string secret = EventsSecret) =>
        Post("events", body, ("X-HelpDesk-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body))));

    /// <summary>Monitoring tickets opened for a source, newest first (requesters are <c>{source}@monitoring.invalid</c>).</summary>
    public static async Task<JsonElement[]> TicketsOfAsync(HttpClient admin, string requesterEmail)
    {
        var page = await admin.GetJsonAsync($"/api/v1/tickets?requester={Uri.EscapeDataString(requesterEmail)}&limit=100");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static HttpRequestMessage Post(string endpoint, byte[] body, (string Name, string Value) header)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/monitoring/{endpoint}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        return request;
    }
}
