using System.Text;
using System.Text.Json;
using HelpDesk.Connectors.Monitoring.Hosting;
using HelpDesk.Sdk.Alerts;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Testing;
using HelpDesk.Sdk.Webhooks;
using HelpDesk.TestSupport;

namespace HelpDesk.Connectors.Monitoring.Tests;

public sealed class EventsEndpointTests : IAsyncDisposable
{
    private const string RoutingKey = "f3b9c2d14a6e4b7c9d0e1f2a3b4c5d6e";

    // From shared/contracts/fixtures/pagerduty-events/signatures.md.
    private const string TriggerSignature = "sha256=90d5d9522795b9bad42bf986ec09df18eae53322ce98d6781c5cfedab8f369cb";

    private readonly CapturingHub _hub = new();
    private readonly PluginHarness<MonitoringPlugin> _harness;

    public EventsEndpointTests() => _harness = Harnesses.With(hub: _hub.Api);

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private static byte[] Fixture(string file) => ContractFixtures.Bytes("pagerduty-events", file);

    private static string Sign(byte[] body, string secret = Settings.EventsSecret) =>
        "sha256=" + WebhookSignature.Compute(SignatureAlgorithm.HmacSha256, secret, body);

    private Task<WebhookResponse> SendAsync(byte[] body, string? signature) =>
        _harness.ReceiveWebhookAsync(Webhooks.Request("/events", body, signature is null ? [] : new Dictionary<string, string> { ["X-HelpDesk-Signature"] = signature }));

    private static JsonElement Answer(WebhookResponse response)
    {
        Assert.Equal("application/json", response.ContentType);
        return JsonDocument.Parse(response.Body!).RootElement;
    }

    [Theory]
    [InlineData("enqueue-trigger.json", TriggerSignature, AlertStatus.Firing)]
    [InlineData("enqueue-trigger-without-dedup-key.json", "sha256=353c6a22c18a55d29707da7558724c7fafc2aaacc4eab9934d757a2edeb750c7", AlertStatus.Firing)]
    [InlineData("enqueue-acknowledge.json", "sha256=c2b2e3ad7530578acfe88bd8a1dbc8503963f0078406f86805c7e8e577d69404", AlertStatus.Acknowledged)]
    [InlineData("enqueue-resolve.json", "sha256=aead92908b7a34b513cc7a8ef53936b1ee4754ed2a72bd3604f2420d08c22433", AlertStatus.Resolved)]
    public async Task Each_signed_fixture_is_processed_with_202_and_reported_under_its_routing_key(string file, string signature, AlertStatus status)
    {
        var response = await SendAsync(Fixture(file), signature);

        Assert.Equal(202, response.StatusCode);
        var answer = Answer(response);
        Assert.Equal(("success", "Event processed"), (answer.GetProperty("status").GetString(), answer.GetProperty("message").GetString()));
        var signal = Assert.Single(_hub.Signals);
        Assert.Equal(($"events:{RoutingKey}", status, answer.GetProperty("dedup_key").GetString()), (signal.Source, signal.Status, signal.DedupKey));
        Assert.Null(signal.OccurrenceId);
    }

    [Fact]
    public async Task A_trigger_maps_its_payload_to_summary_severity_time_labels_details_and_links()
    {
        await SendAsync(Fixture("enqueue-trigger.json"), TriggerSignature);

        var signal = Assert.Single(_hub.Signals);
        Assert.Equal(("checkout/high-error-rate", "Checkout error rate above 5% on checkout-1.example.com", AlertSeverity.Critical), (signal.DedupKey, signal.Summary, signal.Severity));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 58, 12, 345, TimeSpan.Zero), signal.OccurredAt);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["source"] = "checkout-1.example.com", ["component"] = "checkout-api", ["group"] = "payments", ["class"] = "http-5xx",
                ["error_ratio"] = "0.074", ["window"] = "5m", ["region"] = "eu-central", ["owner"] = "Team Zahlungsverkehr – EU",
            },
            signal.Labels);
        Assert.Equal("- error_ratio: 0.074\n- window: 5m\n- region: eu-central\n- owner: Team Zahlungsverkehr – EU", signal.Details);
        Assert.Equal(
            [
                new AlertLink("https://runbooks.example.com/checkout/high-error-rate", "Runbook"),
                new AlertLink("https://grafana.example.com/d/checkout-slo", "Checkout 5xx ratio, last hour"),
                new AlertLink("https://monitoring.example.com/checkout", "Example Monitoring"),
            ],
            signal.Links);
    }

    [Fact]
    public async Task A_trigger_without_a_dedup_key_gets_a_generated_uuid_returned_in_the_202()
    {
        var response = await SendAsync(Fixture("enqueue-trigger-without-dedup-key.json"), "sha256=353c6a22c18a55d29707da7558724c7fafc2aaacc4eab9934d757a2edeb750c7");

        var key = Answer(response).GetProperty("dedup_key").GetString();
        Assert.True(Guid.TryParse(key, out _), key);
        Assert.Equal(key, Assert.Single(_hub.Signals).DedupKey);
        Assert.Equal(new Dictionary<string, string> { ["source"] = "batch-07.example.com", ["component"] = "invoice-export" }, _hub.Signals[0].Labels);
    }

    [Theory]
    [InlineData("first row's header on enqueue-resolve.json")]
    [InlineData("without the sha256= prefix")]
    [InlineData("upper-case hex")]
    [InlineData("upper-case prefix")]
    [InlineData("body plus a trailing newline")]
    [InlineData("secret wrong-secret")]
    [InlineData("no header")]
    [InlineData("sha1 instead")]
    public async Task A_request_whose_signature_does_not_verify_gets_401_in_the_contract_shape_and_nothing_is_reported(string tampering)
    {
        var (body, signature) = tampering switch
        {
            "first row's header on enqueue-resolve.json" => (Fixture("enqueue-resolve.json"), TriggerSignature),
            "without the sha256= prefix" => (Fixture("enqueue-trigger.json"), TriggerSignature["sha256=".Length..]),
            "upper-case hex" => (Fixture("enqueue-trigger.json"), "sha256=" + TriggerSignature["sha256=".Length..].ToUpperInvariant()),
            "upper-case prefix" => (Fixture("enqueue-trigger.json"), "SHA256=" + TriggerSignature["sha256=".Length..]),
            "body plus a trailing newline" => ([.. Fixture("enqueue-trigger.json"), (byte)'\n'], TriggerSignature),
            "secret wrong-secret" => (Fixture("enqueue-trigger.json"), Sign(Fixture("enqueue-trigger.json"), "wrong-secret")),
            "sha1 instead" => (Fixture("enqueue-trigger.json"), "sha1=" + WebhookSignature.Compute(SignatureAlgorithm.HmacSha1, Settings.EventsSecret, Fixture("enqueue-trigger.json"))),
            _ => (Fixture("enqueue-trigger.json"), (string?)null),
        };

        var response = await SendAsync(body, signature);

        Assert.Equal(401, response.StatusCode);
        var answer = Answer(response);
        Assert.Equal(("unauthorized", "Signature missing or invalid"), (answer.GetProperty("status").GetString(), answer.GetProperty("message").GetString()));
        Assert.Contains("X-HelpDesk-Signature", Assert.Single(answer.GetProperty("errors").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Empty(_hub.Signals);
    }

    [Fact]
    public async Task The_trailing_newline_vector_from_the_contract_verifies_its_own_longer_body()
    {
        byte[] body = [.. Fixture("enqueue-trigger.json"), (byte)'\n'];

        var response = await SendAsync(body, "sha256=4b2f71c72445da623f6e8aab6ba2500dcf204b750dc47920a394d033b949b902");

        Assert.Equal(202, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_secret_every_event_gets_401()
    {
        var settings = Settings.All();
        settings.Remove("Events:HmacSecret");
        await using var harness = Harnesses.With(settings, hub: _hub.Api);

        var response = await harness.ReceiveWebhookAsync(Webhooks.Request("/events", Fixture("enqueue-trigger.json"), new Dictionary<string, string> { ["X-HelpDesk-Signature"] = TriggerSignature }));

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(_hub.Signals);
    }

    [Fact]
    public async Task A_body_over_512_KiB_gets_413_even_when_signed()
    {
        var body = Encoding.UTF8.GetBytes($$$"""{"routing_key": "{{{RoutingKey}}}", "event_action": "trigger", "payload": {"summary": "{{{new string('x', 512 * 1024)}}}", "source": "a", "severity": "info"}}""");

        var response = await SendAsync(body, Sign(body));

        Assert.Equal(413, response.StatusCode);
        Assert.Empty(_hub.Signals);
    }

    [Fact]
    public async Task An_over_long_summary_is_cut_to_1024_characters()
    {
        var body = Encoding.UTF8.GetBytes($$$"""{"routing_key": "{{{RoutingKey}}}", "event_action": "trigger", "payload": {"summary": "{{{new string('x', 5000)}}}", "source": "a", "severity": "info"}}""");

        var response = await SendAsync(body, Sign(body));

        Assert.Equal(202, response.StatusCode);
        Assert.Equal(new string('x', 1024), Assert.Single(_hub.Signals).Summary);
    }

    [Theory]
    [InlineData("2026-11-22T09:58:12.345+0000")]
    [InlineData("2026-11-22T09:58:12.345+00:00")]
    [InlineData("2026-11-22T09:58:12.345Z")]
    [InlineData("2026-11-22T10:58:12.345+0100")]
    [InlineData("2026-11-22T09:58:12.345000000Z")]
    public async Task Timestamps_with_or_without_a_colon_in_the_offset_or_z_are_read(string timestamp)
    {
        var body = Encoding.UTF8.GetBytes($$$"""{"routing_key": "{{{RoutingKey}}}", "event_action": "trigger", "payload": {"summary": "s", "source": "a", "severity": "info", "timestamp": "{{{timestamp}}}"}}""");

        await SendAsync(body, Sign(body));

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 58, 12, 345, TimeSpan.Zero), Assert.Single(_hub.Signals).OccurredAt);
    }

    [Fact]
    public async Task A_timestamp_without_a_fraction_is_read()
    {
        var body = Encoding.UTF8.GetBytes($$$"""{"routing_key": "{{{RoutingKey}}}", "event_action": "trigger", "payload": {"summary": "s", "source": "a", "severity": "info", "timestamp": "2026-11-22T09:58:12+0000"}}""");

        await SendAsync(body, Sign(body));

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 58, 12, TimeSpan.Zero), Assert.Single(_hub.Signals).OccurredAt);
    }

    [Theory]
    [InlineData("""{"event_action": "trigger", "payload": {"summary": "s", "source": "a", "severity": "info"}}""", "'routing_key'")]
    [InlineData("""{"routing_key": "k", "event_action": "escalate", "dedup_key": "d"}""", "'event_action'")]
    [InlineData("""{"routing_key": "k", "event_action": "trigger"}""", "'payload'")]
    [InlineData("""{"routing_key": "k", "event_action": "trigger", "payload": {"source": "a", "severity": "info"}}""", "'payload.summary'")]
    [InlineData("""{"routing_key": "k", "event_action": "trigger", "payload": {"summary": "s", "severity": "info"}}""", "'payload.source'")]
    [InlineData("""{"routing_key": "k", "event_action": "trigger", "payload": {"summary": "s", "source": "a", "severity": "fatal"}}""", "'payload.severity'")]
    [InlineData("""{"routing_key": "k", "event_action": "trigger", "payload": {"summary": "s", "source": "a", "severity": "info", "timestamp": "22/11/2026"}}""", "'payload.timestamp'")]
    [InlineData("""{"routing_key": "k", "event_action": "trigger", "payload": {"summary": "s", "source": "a", "severity": "info"}, "links": [{"text": "t"}]}""", "'links[0].href'")]
    [InlineData("""{"routing_key": "k", "event_action": "resolve"}""", "'dedup_key'")]
    [InlineData("""{"routing_key": "k", "event_action": "acknowledge", "dedup_key": ""}""", "'dedup_key'")]
    [InlineData("""{"routing_key": "k", "event_action": "trigger", "payload": {"summary": 5, "source": "a", "severity": "info"}}""", "payload.summary")]
    [InlineData("""{"routing_key": "k", "event_action": """, "malformed JSON")]
    public async Task An_invalid_event_gets_400_in_pagerdutys_shape_naming_the_field_and_nothing_is_reported(string json, string field)
    {
        var body = Encoding.UTF8.GetBytes(json);

        var response = await SendAsync(body, Sign(body));

        Assert.Equal(400, response.StatusCode);
        var answer = Answer(response);
        Assert.Equal(("invalid event", "Event object is invalid"), (answer.GetProperty("status").GetString(), answer.GetProperty("message").GetString()));
        Assert.Contains(answer.GetProperty("errors").EnumerateArray(), error => error.GetString()!.Contains(field, StringComparison.Ordinal));
        Assert.Empty(_hub.Signals);
    }

    [Fact]
    public async Task Unknown_fields_are_ignored()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"routing_key": "{{RoutingKey}}", "event_action": "resolve", "dedup_key": "d", "payload": {"anything": [1]}, "future": true}""");

        var response = await SendAsync(body, Sign(body));

        Assert.Equal(202, response.StatusCode);
    }
}
