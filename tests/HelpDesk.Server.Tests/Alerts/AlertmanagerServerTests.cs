using System.Collections.Concurrent;
using System.Text.Json;
using HelpDesk.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Server.Tests.Alerts;

/// <summary>
/// The real-Alertmanager fixture on its own, without the hub: alerts posted to its API come back as webhook
/// notifications shaped as the contract (shared/contracts/alertmanager.md) says, so hub tests can rely on it.
/// </summary>
public sealed class AlertmanagerServerTests
{
    private const string Token = "test-alertmanager-token";
    private const string HookPath = "/hooks/monitoring/alertmanager";

    // The contract's fingerprints for the two alerts of api-v2-post-alerts-firing.json.
    private static readonly string[] FiringFingerprints = ["4c60e57ea1aac62d", "bef14209e40016bc"];

    [Fact]
    public async Task Posted_alerts_reach_the_webhook_with_the_bearer_token_then_their_resolution_does()
    {
        await using var webhook = await RecordingWebhook.StartAsync();
        await using var alertmanager = await AlertmanagerServer.StartAsync(new Uri(webhook.BaseUrl, HookPath), Token);
        var alerts = ContractFixtures.Bytes("alertmanager", "api-v2-post-alerts-firing.json");

        await alertmanager.PostAlertsAsync(alerts);

        var firing = await WaitForAsync(webhook, alertmanager, "firing");
        Assert.Equal(HookPath, firing.Path);
        Assert.Equal($"Bearer {Token}", firing.Authorization);
        Assert.Equal("application/json", firing.MediaType);
        Assert.Equal("4", firing.Body.GetProperty("version").GetString());
        Assert.Equal("helpdesk", firing.Body.GetProperty("receiver").GetString());
        Assert.Equal("{}:{alertname=\"HighErrorRate\", service=\"checkout\"}", firing.Body.GetProperty("groupKey").GetString());
        Assert.Equal(FiringFingerprints, Fingerprints(firing));
        Assert.All(firing.Alerts, a => Assert.Equal("firing", a.GetProperty("status").GetString()));

        await alertmanager.ResolveAsync(alerts);

        var resolved = await WaitForAsync(webhook, alertmanager, "resolved");
        Assert.Equal($"Bearer {Token}", resolved.Authorization);
        Assert.Equal(firing.Body.GetProperty("groupKey").GetString(), resolved.Body.GetProperty("groupKey").GetString());
        Assert.Equal(FiringFingerprints, Fingerprints(resolved));
        Assert.All(resolved.Alerts, a => Assert.Equal("resolved", a.GetProperty("status").GetString()));
    }

    private static async Task<Notification> WaitForAsync(RecordingWebhook webhook, AlertmanagerServer alertmanager, string status)
    {
        try
        {
            await Eventually.TrueAsync(() => webhook.Received.Any(n => n.Status == status));
        }
        catch (OperationCanceledException)
        {
            var received = string.Join('\n', webhook.Received.Select(n => n.Body.GetRawText()));
            Assert.Fail($"No '{status}' notification within {Eventually.DefaultPatience.TotalSeconds} s. Received:\n{received}\nAlertmanager's output:\n{alertmanager.Output}");
        }

        return webhook.Received.First(n => n.Status == status);
    }

    private static string[] Fingerprints(Notification notification) =>
        [.. notification.Alerts.Select(a => a.GetProperty("fingerprint").GetString()!).Order(StringComparer.Ordinal)];

    /// <summary>One webhook request as Alertmanager sent it.</summary>
    private sealed record Notification(string Path, string? Authorization, string? MediaType, JsonElement Body)
    {
        public string? Status => Body.GetProperty("status").GetString();

        public JsonElement[] Alerts => [.. Body.GetProperty("alerts").EnumerateArray()];
    }

    /// <summary>
    /// A webhook receiver on loopback (a minimal Kestrel app on a port the OS picks) that answers 200 and keeps every
    /// request, in order. Kestrel rather than HttpListener: with an HttpListener this test hung now and then when it
    /// skipped early (most likely Stop racing a GetContextAsync being started, which then never completes).
    /// </summary>
    private sealed class RecordingWebhook : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private RecordingWebhook(WebApplication app) => _app = app;

        public Uri BaseUrl => new(_app.Urls.Single());

        public ConcurrentQueue<Notification> Received { get; } = new();

        public static async Task<RecordingWebhook> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var webhook = new RecordingWebhook(builder.Build());
            webhook._app.Run(webhook.RecordAsync);
            await webhook._app.StartAsync();
            return webhook;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();

        private async Task RecordAsync(HttpContext context)
        {
            var request = context.Request;
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: context.RequestAborted);
            Received.Enqueue(new Notification(request.Path, request.Headers.Authorization.FirstOrDefault(), request.ContentType?.Split(';')[0], body.RootElement.Clone()));
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
    }
}
