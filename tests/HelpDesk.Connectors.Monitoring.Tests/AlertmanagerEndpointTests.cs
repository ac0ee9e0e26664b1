using System.Text;
using HelpDesk.Connectors.Monitoring.Hosting;
using HelpDesk.Sdk.Alerts;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Testing;
using HelpDesk.TestSupport;

namespace HelpDesk.Connectors.Monitoring.Tests;

public sealed class AlertmanagerEndpointTests : IAsyncDisposable
{
    private const string CheckoutGroup = "{}:{alertname=\"HighErrorRate\", service=\"checkout\"}";
    private readonly PluginHarness<MonitoringPlugin> _harness = Harnesses.With();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private static byte[] Fixture(string file) => ContractFixtures.Bytes("alertmanager", file);

    private Task<WebhookResponse> SendAsync(byte[] body, string token = Settings.AlertmanagerToken) =>
        _harness.ReceiveWebhookAsync(Webhooks.Request("/alertmanager", body, Webhooks.Bearer(token)));

    [Fact]
    public async Task Two_firing_alerts_become_two_firing_signals_keyed_by_fingerprint_and_are_answered_200_with_no_body()
    {
        var response = await SendAsync(Fixture("webhook-firing-two-alerts.json"));

        Assert.Equal(new WebhookResponse(200), response);
        var signals = _harness.Api.ReportedAlerts;
        Assert.Equal(["4c60e57ea1aac62d", "bef14209e40016bc"], signals.Select(s => s.DedupKey).Order(StringComparer.Ordinal));
        Assert.All(signals, s => Assert.Equal(("alertmanager", AlertStatus.Firing, AlertSeverity.Critical, "Checkout error rate above 5%", CheckoutGroup), (s.Source, s.Status, s.Severity, s.Summary, s.Group)));
    }

    [Fact]
    public async Task A_firing_alert_carries_its_description_labels_links_and_start_time()
    {
        await SendAsync(Fixture("webhook-firing-two-alerts.json"));

        var signal = _harness.Api.ReportedAlerts.Single(s => s.DedupKey == "bef14209e40016bc");
        Assert.Equal("5xx ratio on checkout-1.example.com:8080 is 7.4% over the last 5 minutes.", signal.Details);
        Assert.Equal(
            new Dictionary<string, string> { ["alertname"] = "HighErrorRate", ["instance"] = "checkout-1.example.com:8080", ["job"] = "checkout", ["service"] = "checkout", ["severity"] = "critical" },
            signal.Labels);
        Assert.Equal(["Runbook", "Source"], signal.Links.Select(l => l.Text));
        Assert.Equal("https://runbooks.example.com/checkout/high-error-rate", signal.Links[0].Url);
        Assert.EndsWith("%3E+0.05&g0.tab=1", signal.Links[1].Url, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.Parse("2026-11-22T09:58:12.345Z", System.Globalization.CultureInfo.InvariantCulture), signal.OccurredAt);
    }

    [Fact]
    public async Task A_resolved_notification_reports_resolved_signals_at_their_end_time_with_a_new_occurrence_id()
    {
        await SendAsync(Fixture("webhook-firing-two-alerts.json"));
        await SendAsync(Fixture("webhook-resolved.json"));

        var byAlert = _harness.Api.ReportedAlerts.Where(s => s.DedupKey == "bef14209e40016bc").ToList();
        Assert.Equal([AlertStatus.Firing, AlertStatus.Resolved], byAlert.Select(s => s.Status));
        Assert.Equal(DateTimeOffset.Parse("2026-11-22T10:41:12.345Z", System.Globalization.CultureInfo.InvariantCulture), byAlert[1].OccurredAt);
        Assert.NotEqual(byAlert[0].OccurrenceId, byAlert[1].OccurrenceId);
    }

    [Fact]
    public async Task A_repeated_notification_carries_the_same_occurrence_ids_so_the_hub_treats_it_as_a_duplicate()
    {
        await SendAsync(Fixture("webhook-firing-two-alerts.json"));
        var compactAsAlertmanagerSendsIt = Webhooks.Utf8(System.Text.Json.Nodes.JsonNode.Parse(Fixture("webhook-firing-two-alerts.json"))!.ToJsonString() + "\n");
        await SendAsync(compactAsAlertmanagerSendsIt);

        var signals = _harness.Api.ReportedAlerts;
        Assert.Equal(4, signals.Count);
        Assert.All(signals.GroupBy(s => s.DedupKey), alert => Assert.Single(alert.Select(s => s.OccurrenceId).Distinct()));
        Assert.All(signals, s => Assert.NotNull(s.OccurrenceId));
        Assert.Equal(2, _harness.Api.ReportedAlerts.Select(s => s.OccurrenceId).Distinct().Count());
    }

    [Fact]
    public async Task A_truncated_notification_reports_the_alerts_it_has_and_says_on_each_how_many_were_left_out()
    {
        var response = await SendAsync(Fixture("webhook-truncated.json"));

        Assert.Equal(200, response.StatusCode);
        var signals = _harness.Api.ReportedAlerts;
        Assert.Equal(["8f556cbaba66e16f", "9f7f098a80ee4e70"], signals.Select(s => s.DedupKey).Order(StringComparer.Ordinal));
        Assert.All(signals, s => Assert.Equal(AlertSeverity.Warning, s.Severity));
        Assert.All(signals, s => Assert.Contains("3 more alert(s) of this group were left out", s.Details, StringComparison.Ordinal));
        Assert.StartsWith("Only 7% space left", signals.Single(s => s.DedupKey == "8f556cbaba66e16f").Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configured_source_name_scopes_the_signals()
    {
        var settings = Settings.All();
        settings["Alertmanager:Source"] = "prod-alertmanager";
        await using var harness = Harnesses.With(settings);

        await harness.ReceiveWebhookAsync(Webhooks.Request("/alertmanager", Fixture("webhook-truncated.json"), Webhooks.Bearer(Settings.AlertmanagerToken)));

        Assert.All(harness.Api.ReportedAlerts, s => Assert.Equal("prod-alertmanager", s.Source));
    }

    [Theory]
    [InlineData("critical", AlertSeverity.Critical)]
    [InlineData("page", AlertSeverity.Critical)]
    [InlineData("P1", AlertSeverity.Critical)]
    [InlineData("error", AlertSeverity.Error)]
    [InlineData("high", AlertSeverity.Error)]
    [InlineData("warning", AlertSeverity.Warning)]
    [InlineData("info", AlertSeverity.Info)]
    [InlineData("low", AlertSeverity.Info)]
    [InlineData("whenever", AlertSeverity.Warning)]
    public async Task The_severity_label_maps_onto_the_four_levels_with_aliases_and_unknown_words_as_warning(string label, AlertSeverity expected)
    {
        var body = Text("webhook-firing-two-alerts.json").Replace("\"severity\": \"critical\"", $"\"severity\": \"{label}\"", StringComparison.Ordinal);

        await SendAsync(Webhooks.Utf8(body));

        Assert.All(_harness.Api.ReportedAlerts, s => Assert.Equal(expected, s.Severity));
    }

    [Fact]
    public async Task Without_a_summary_annotation_the_summary_is_the_alert_name_and_instance()
    {
        var body = Text("webhook-firing-two-alerts.json").Replace("\"summary\": \"Checkout error rate above 5%\"", "\"team\": \"payments\"", StringComparison.Ordinal);

        await SendAsync(Webhooks.Utf8(body));

        Assert.Equal("HighErrorRate on checkout-1.example.com:8080", _harness.Api.ReportedAlerts.Single(s => s.DedupKey == "bef14209e40016bc").Summary);
    }

    [Fact]
    public async Task Dashboard_annotations_become_dashboard_links()
    {
        var body = Text("webhook-truncated.json").Replace("\"summary\": \"Filesystem almost full\"", "\"summary\": \"Filesystem almost full\", \"dashboard_url\": \"https://grafana.example.com/d/node\"", StringComparison.Ordinal);

        await SendAsync(Webhooks.Utf8(body));

        Assert.All(_harness.Api.ReportedAlerts, s => Assert.Contains(new AlertLink("https://grafana.example.com/d/node", "Dashboard"), s.Links));
    }

    [Theory]
    [InlineData("\"version\": \"4\"", "\"version\": \"3\"", "version")]
    [InlineData("\"version\": \"4\",", "", "version")]
    [InlineData("\"fingerprint\": \"4c60e57ea1aac62d\"", "\"fingerprint\": \"\"", "alerts[1].fingerprint")]
    [InlineData("\"startsAt\": \"2026-11-22T09:58:42.345Z\"", "\"startsAt\": \"yesterday\"", "alerts[1].startsAt")]
    [InlineData("\"status\": \"firing\",\n      \"labels\": {\n        \"alertname\": \"HighErrorRate\",\n        \"instance\": \"checkout-2", "\"status\": \"pending\",\n      \"labels\": {\n        \"alertname\": \"HighErrorRate\",\n        \"instance\": \"checkout-2", "alerts[1].status")]
    [InlineData("\"job\": \"checkout\",\n        \"service\": \"checkout\",\n        \"severity\": \"critical\"\n      },\n      \"annotations\": {\n        \"description\": \"5xx ratio on checkout-2", "\"job\": 7,\n        \"service\": \"checkout\",\n        \"severity\": \"critical\"\n      },\n      \"annotations\": {\n        \"description\": \"5xx ratio on checkout-2", "alerts[1].labels.job")]
    [InlineData("\"receiver\": \"helpdesk\",", "\"receiver\": \"helpdesk\",,", "body")]
    public async Task A_notification_with_a_bad_version_or_field_gets_400_naming_it_and_nothing_is_reported(string original, string replacement, string field)
    {
        var body = Text("webhook-firing-two-alerts.json");
        Assert.Contains(original, body, StringComparison.Ordinal);

        var response = await SendAsync(Webhooks.Utf8(body.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Equal(400, response.StatusCode);
        Assert.StartsWith(field + ":", response.Detail, StringComparison.Ordinal);
        Assert.Empty(_harness.Api.ReportedAlerts);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_400()
    {
        var response = await SendAsync(Webhooks.Utf8("not json"));

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(_harness.Api.ReportedAlerts);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Bearer test-alertmanager-token-and-more")]
    [InlineData("Basic dGVzdC1hbGVydG1hbmFnZXItdG9rZW4=")]
    [InlineData("test-alertmanager-token")]
    public async Task A_missing_or_wrong_token_gets_401_and_nothing_is_reported(string? authorization)
    {
        var headers = authorization is null ? [] : new Dictionary<string, string> { ["Authorization"] = authorization };

        var response = await _harness.ReceiveWebhookAsync(Webhooks.Request("/alertmanager", Fixture("webhook-firing-two-alerts.json"), headers));

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(_harness.Api.ReportedAlerts);
    }

    [Fact]
    public async Task The_bearer_scheme_is_case_insensitive()
    {
        var headers = new Dictionary<string, string> { ["authorization"] = $"bearer {Settings.AlertmanagerToken}" };

        var response = await _harness.ReceiveWebhookAsync(Webhooks.Request("/alertmanager", Fixture("webhook-truncated.json"), headers));

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_token_even_a_request_with_some_token_gets_401()
    {
        var settings = Settings.All();
        settings.Remove("Alertmanager:BearerToken");
        await using var harness = Harnesses.With(settings);

        var response = await harness.ReceiveWebhookAsync(Webhooks.Request("/alertmanager", Fixture("webhook-truncated.json"), Webhooks.Bearer("")));

        Assert.Equal(401, response.StatusCode);
        Assert.Contains("Alertmanager:BearerToken", response.Detail, StringComparison.Ordinal);
        Assert.Empty(harness.Api.ReportedAlerts);
    }

    private static string Text(string file) => Encoding.UTF8.GetString(Fixture(file));
}
