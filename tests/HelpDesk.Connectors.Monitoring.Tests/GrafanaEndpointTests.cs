using System.Text;
using HelpDesk.Connectors.Monitoring.Hosting;
using HelpDesk.Sdk.Alerts;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Testing;
using HelpDesk.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace HelpDesk.Connectors.Monitoring.Tests;

public sealed class GrafanaEndpointTests : IAsyncDisposable
{
    // From shared/contracts/fixtures/grafana/signatures.md.
    private const long SignedAt = 1795342031;
    private const string FiringSignature = "5d147f5c864758bc6052cefa756a9cfc4cabdc38ba93838d713cff7f6ce38cae";
    private const string ResolvedSignature = "d5d969c4b53f8addf3a6082314512e70bbfc883693fb7dd0324fefda3588493a";
    private const string FiringTimestampedSignature = "939d92b34ad8f4d900b30b34b7f17a5326baa95feb3c0cbcbde30d862062b3f2";
    private const string ResolvedTimestampedSignature = "9c0eee9704e02f46f1818c9ad1d5037e3de4d938f84fbf231f593c0bd7a3767c";

    // Starts early: a fake clock only moves forward, and some tests set it before the signing time.
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(SignedAt - 600));
    private readonly PluginHarness<MonitoringPlugin> _harness;

    public GrafanaEndpointTests() => _harness = Harnesses.With(Settings.All(grafanaSigning: true), _time);

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private static byte[] Fixture(string file) => ContractFixtures.Bytes("grafana", file);

    private static Dictionary<string, string> Signed(string signature, long? timestamp = null)
    {
        var headers = Webhooks.Bearer(Settings.GrafanaToken);
        headers["X-Grafana-Alerting-Signature"] = signature;
        if (timestamp is { } seconds)
        {
            headers["X-Grafana-Alerting-Timestamp"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return headers;
    }

    private Task<WebhookResponse> SendAsync(byte[] body, IReadOnlyDictionary<string, string> headers, string method = "POST") =>
        _harness.ReceiveWebhookAsync(Webhooks.Request("/grafana", body, headers, method));

    [Theory]
    [InlineData("webhook-firing.json", FiringSignature, AlertStatus.Firing)]
    [InlineData("webhook-resolved.json", ResolvedSignature, AlertStatus.Resolved)]
    public async Task A_notification_signed_over_its_body_is_reported_per_fingerprint(string file, string signature, AlertStatus status)
    {
        var response = await SendAsync(Fixture(file), Signed(signature));

        Assert.Equal(new WebhookResponse(200), response);
        var signals = _harness.Api.ReportedAlerts;
        Assert.Equal(["1d7e4b02c9a3f815", "8f3a2c9d41b07e56"], signals.Select(s => s.DedupKey).Order(StringComparer.Ordinal));
        Assert.All(signals, s => Assert.Equal(("grafana", status, AlertSeverity.Critical, "Checkout p95 latency above 800 ms", "bf3k9x2m1qwe8c"), (s.Source, s.Status, s.Severity, s.Summary, s.Group)));
    }

    [Theory]
    [InlineData("webhook-firing.json", FiringTimestampedSignature, 0)]
    [InlineData("webhook-resolved.json", ResolvedTimestampedSignature, 0)]
    [InlineData("webhook-firing.json", FiringTimestampedSignature, 300)]
    [InlineData("webhook-firing.json", FiringTimestampedSignature, -300)]
    public async Task A_notification_signed_with_a_timestamp_within_300_seconds_of_the_clock_is_accepted(string file, string signature, int clockOffsetSeconds)
    {
        _time.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(SignedAt + clockOffsetSeconds));

        var response = await SendAsync(Fixture(file), Signed(signature, SignedAt));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, _harness.Api.ReportedAlerts.Count);
    }

    [Fact]
    public async Task A_firing_alert_carries_its_labels_description_and_grafana_links_but_nothing_from_title_or_message()
    {
        await SendAsync(Fixture("webhook-firing.json"), Signed(FiringSignature));

        var signal = _harness.Api.ReportedAlerts.Single(s => s.DedupKey == "8f3a2c9d41b07e56");
        Assert.Equal("p95 latency on checkout-1.example.com:8080 is 912 ms (threshold 800 ms).", signal.Details);
        Assert.Equal("Checkout", signal.Labels["grafana_folder"]);
        Assert.Equal("checkout-1.example.com:8080", signal.Labels["instance"]);
        Assert.Equal(["Runbook", "Dashboard", "Panel", "Source", "Silence"], signal.Links.Select(l => l.Text));
        Assert.Equal("https://grafana.example.com/d/checkout-slo?from=1795338130000&orgId=1&to=1795342030000&viewPanel=4", signal.Links[2].Url);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795341730), signal.OccurredAt);
        Assert.DoesNotContain("FIRING", signal.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Firing_and_resolved_have_different_occurrence_ids_and_a_repeated_delivery_the_same()
    {
        await SendAsync(Fixture("webhook-firing.json"), Signed(FiringSignature));
        await SendAsync(Fixture("webhook-firing.json"), Signed(FiringSignature), method: "PUT");
        await SendAsync(Fixture("webhook-resolved.json"), Signed(ResolvedSignature));

        var ids = _harness.Api.ReportedAlerts.Where(s => s.DedupKey == "8f3a2c9d41b07e56").Select(s => s.OccurrenceId).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
    }

    [Theory]
    [InlineData("no Authorization")]
    [InlineData("wrong token")]
    [InlineData("no signature")]
    [InlineData("signature of another body")]
    [InlineData("sha256= prefix added")]
    [InlineData("one byte changed after signing")]
    [InlineData("timestamp 301 s old")]
    [InlineData("timestamp 301 s ahead")]
    [InlineData("timestamp not signed")]
    [InlineData("timestamp not a number")]
    public async Task A_notification_failing_authentication_gets_401_and_nothing_is_reported(string tampering)
    {
        var body = Fixture("webhook-firing.json");
        var headers = Signed(FiringSignature);
        switch (tampering)
        {
            case "no Authorization": headers.Remove("Authorization"); break;
            case "wrong token": headers["Authorization"] = "Bearer test-grafana-token-2"; break;
            case "no signature": headers.Remove("X-Grafana-Alerting-Signature"); break;
            case "signature of another body": headers = Signed(ResolvedSignature); break;
            case "sha256= prefix added": headers = Signed("sha256=" + FiringSignature); break;
            case "one byte changed after signing": body[Array.IndexOf(body, (byte)'9')] = (byte)'8'; break;
            case "timestamp 301 s old": headers = Signed(FiringTimestampedSignature, SignedAt); _time.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(SignedAt + 301)); break;
            case "timestamp 301 s ahead": headers = Signed(FiringTimestampedSignature, SignedAt); _time.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(SignedAt - 301)); break;
            case "timestamp not signed": headers = Signed(FiringSignature, SignedAt); break;
            case "timestamp not a number": headers = Signed(FiringTimestampedSignature); headers["X-Grafana-Alerting-Timestamp"] = "2026-11-22T10:07:11Z"; break;
        }

        var response = await SendAsync(body, headers);

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(_harness.Api.ReportedAlerts);
    }

    [Fact]
    public async Task Without_a_signing_secret_the_bearer_token_alone_is_enough()
    {
        await using var harness = Harnesses.With(Settings.All(grafanaSigning: false));

        var response = await harness.ReceiveWebhookAsync(Webhooks.Request("/grafana", Fixture("webhook-firing.json"), Webhooks.Bearer(Settings.GrafanaToken)));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, harness.Api.ReportedAlerts.Count);
    }

    [Fact]
    public async Task Without_a_configured_token_every_notification_gets_401_even_when_signed()
    {
        var settings = Settings.All(grafanaSigning: true);
        settings.Remove("Grafana:BearerToken");
        await using var harness = Harnesses.With(settings, _time);

        var response = await harness.ReceiveWebhookAsync(Webhooks.Request("/grafana", Fixture("webhook-firing.json"), Signed(FiringSignature)));

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(harness.Api.ReportedAlerts);
    }

    [Theory]
    [InlineData("\"version\": \"1\"", "\"version\": \"2\"", "version")]
    [InlineData("\"fingerprint\": \"1d7e4b02c9a3f815\"", "\"fingerprint\": null", "alerts[1].fingerprint")]
    [InlineData("\"receiver\": \"HelpDesk\",", "\"receiver\": \"HelpDesk\"", "body")]
    public async Task A_bad_version_or_field_gets_400_naming_it_and_nothing_is_reported(string original, string replacement, string field)
    {
        var text = Encoding.UTF8.GetString(Fixture("webhook-firing.json"));
        Assert.Contains(original, text, StringComparison.Ordinal);
        await using var harness = Harnesses.With(Settings.All(grafanaSigning: false));

        var response = await harness.ReceiveWebhookAsync(Webhooks.Request("/grafana", Webhooks.Utf8(text.Replace(original, replacement, StringComparison.Ordinal)), Webhooks.Bearer(Settings.GrafanaToken)));

        Assert.Equal(400, response.StatusCode);
        Assert.StartsWith(field + ":", response.Detail, StringComparison.Ordinal);
        Assert.Empty(harness.Api.ReportedAlerts);
    }
}
