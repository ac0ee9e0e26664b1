using HelpDesk.Connectors.Monitoring.Hosting;
using HelpDesk.Sdk.Alerts;
using HelpDesk.Sdk.Capabilities;
using HelpDesk.Sdk.Testing;

namespace HelpDesk.Connectors.Monitoring.Tests;

public sealed class GenericEndpointTests : IAsyncDisposable
{
    private const string Example = """
        {
          "source": "backup-checks",
          "dedupKey": "nightly-backup/db-01",
          "status": "firing",
          "severity": "error",
          "summary": "Nightly backup of db-01 failed",
          "details": "pg_dump exited with code 1.",
          "labels": {"service": "billing", "team": "dba"},
          "links": [{"url": "https://runbooks.example.com/backups", "text": "Runbook"}],
          "occurredAt": "2026-11-22T02:15:00Z",
          "occurrenceId": "run-8812",
          "somethingNew": {"ignored": true}
        }
        """;

    private readonly PluginHarness<MonitoringPlugin> _harness = Harnesses.With();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private Task<WebhookResponse> SendAsync(string body, string token = Settings.GenericToken) =>
        _harness.ReceiveWebhookAsync(Webhooks.Request("/generic", Webhooks.Utf8(body), Webhooks.Bearer(token)));

    [Fact]
    public async Task One_alert_in_the_generic_form_is_reported_as_given_and_answered_202()
    {
        var response = await SendAsync(Example);

        Assert.Equal(202, response.StatusCode);
        var signal = Assert.Single(_harness.Api.ReportedAlerts);
        Assert.Equal(
            ("backup-checks", "nightly-backup/db-01", AlertStatus.Firing, AlertSeverity.Error, "Nightly backup of db-01 failed", "pg_dump exited with code 1.", "run-8812"),
            (signal.Source, signal.DedupKey, signal.Status, signal.Severity, signal.Summary, signal.Details, signal.OccurrenceId));
        Assert.Equal(new Dictionary<string, string> { ["service"] = "billing", ["team"] = "dba" }, signal.Labels);
        Assert.Equal([new AlertLink("https://runbooks.example.com/backups", "Runbook")], signal.Links);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 2, 15, 0, TimeSpan.Zero), signal.OccurredAt);
    }

    [Fact]
    public async Task An_array_of_alerts_is_reported_whole_with_the_configured_source_and_warning_as_defaults()
    {
        var response = await SendAsync("""[{"dedupKey": "a", "status": "firing", "summary": "A"}, {"dedupKey": "b", "status": "acknowledged", "summary": "B"}]""");

        Assert.Equal(202, response.StatusCode);
        Assert.Equal(
            [("generic", "a", AlertStatus.Firing, AlertSeverity.Warning), ("generic", "b", AlertStatus.Acknowledged, AlertSeverity.Warning)],
            _harness.Api.ReportedAlerts.Select(s => (s.Source, s.DedupKey, s.Status, s.Severity)).OrderBy(s => s.DedupKey, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"status": "firing", "summary": "A"}""", "dedupKey")]
    [InlineData("""{"dedupKey": "a", "status": "open", "summary": "A"}""", "status")]
    [InlineData("""{"dedupKey": "a", "status": "firing"}""", "summary")]
    [InlineData("""{"dedupKey": "a", "status": "firing", "summary": "A", "severity": "page"}""", "severity")]
    [InlineData("""{"dedupKey": "a", "status": "firing", "summary": "A", "occurredAt": "yesterday"}""", "occurredAt")]
    [InlineData("""{"dedupKey": "a", "status": "firing", "summary": "A", "links": [{"url": "/relative"}]}""", "links[0].url")]
    [InlineData("""{"dedupKey": "a", "status": "firing", "summary": "A", "labels": {"team": 7}}""", "labels.team")]
    [InlineData("""[{"dedupKey": "a", "status": "firing", "summary": "A"}, {"dedupKey": "b", "status": "firing"}]""", "[1].summary")]
    [InlineData("""[{"dedupKey": "a", "status": "firing", "summary": "A"}, null]""", "[1]")]
    [InlineData("""{"dedupKey": "a", """, "malformed JSON")]
    [InlineData("""null""", "body")]
    public async Task Bad_input_gets_400_naming_the_field_and_nothing_is_reported(string body, string field)
    {
        var response = await SendAsync(body);

        Assert.Equal(400, response.StatusCode);
        Assert.Contains(field, response.Detail, StringComparison.Ordinal);
        Assert.Empty(_harness.Api.ReportedAlerts);
    }

    [Theory]
    [InlineData("wrong-token")]
    [InlineData("")]
    public async Task A_wrong_or_empty_token_gets_401(string token)
    {
        var response = await SendAsync(Example, token);

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(_harness.Api.ReportedAlerts);
    }
}
