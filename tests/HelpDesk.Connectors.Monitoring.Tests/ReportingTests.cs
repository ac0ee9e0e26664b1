using HelpDesk.Sdk;
using HelpDesk.Sdk.Alerts;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace HelpDesk.Connectors.Monitoring.Tests;

public sealed class ReportingTests
{
    [Fact]
    public async Task A_notification_of_10000_alerts_is_answered_200_after_reporting_10000_signals()
    {
        await using var harness = Harnesses.With();

        var response = await harness.ReceiveWebhookAsync(Webhooks.Request("/alertmanager", LargePayloads.Alertmanager(10_000), Webhooks.Bearer(Settings.AlertmanagerToken)));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(10_000, harness.Api.ReportedAlerts.Select(s => s.DedupKey).Distinct().Count());
    }

    [Fact]
    public async Task Signals_are_reported_several_at_a_time_but_never_more_than_16_at_once()
    {
        var hub = Substitute.For<IHelpDeskApi>();
        var inFlight = 0;
        var mostAtOnce = 0;
        var sixteenStarted = new TaskCompletionSource();
        hub.ReportAlertAsync(Arg.Any<AlertSignal>(), Arg.Any<CancellationToken>()).Returns(async _ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostAtOnce, now);
            if (now >= 16)
            {
                sixteenStarted.TrySetResult();
            }

            // One at a time would never get 16 started: the first call times out and the notification fails.
            await sixteenStarted.Task.WaitAsync(TimeSpan.FromSeconds(5));
            Interlocked.Decrement(ref inFlight);
            return new AlertReport(AlertOutcome.Opened, 1, 1);
        });
        await using var harness = Harnesses.With(hub: hub);

        var response = await harness.ReceiveWebhookAsync(Webhooks.Request("/alertmanager", LargePayloads.Alertmanager(100), Webhooks.Bearer(Settings.AlertmanagerToken)));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(16, mostAtOnce);
        await hub.Received(100).ReportAlertAsync(Arg.Any<AlertSignal>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Signals_for_one_alert_key_in_one_payload_are_reported_one_after_the_other_in_payload_order()
    {
        var hub = new CapturingHub();
        var firingDone = new TaskCompletionSource();
        var resolvedTooEarly = false;
        hub.Api.ReportAlertAsync(Arg.Is<AlertSignal>(s => s.Status == AlertStatus.Firing), Arg.Any<CancellationToken>()).Returns(async _ =>
        {
            // Long enough for a resolution reported in parallel to overtake it.
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            firingDone.TrySetResult();
            return new AlertReport(AlertOutcome.Opened, 1, 1);
        });
        hub.Api.ReportAlertAsync(Arg.Is<AlertSignal>(s => s.Status == AlertStatus.Resolved), Arg.Any<CancellationToken>()).Returns(_ =>
        {
            resolvedTooEarly |= !firingDone.Task.IsCompleted;
            return new AlertReport(AlertOutcome.Resolved, 1, 1);
        });
        await using var harness = Harnesses.With(hub: hub.Api);
        var body = """[{"dedupKey": "db-1", "status": "firing", "summary": "Database down"}, {"dedupKey": "db-1", "status": "resolved", "summary": "Database down"}]""";

        var response = await harness.ReceiveWebhookAsync(Webhooks.Request("/generic", Webhooks.Utf8(body), Webhooks.Bearer(Settings.GenericToken)));

        Assert.Equal(202, response.StatusCode);
        Received.InOrder(() =>
        {
            hub.Api.ReportAlertAsync(Arg.Is<AlertSignal>(s => s.Status == AlertStatus.Firing), Arg.Any<CancellationToken>());
            hub.Api.ReportAlertAsync(Arg.Is<AlertSignal>(s => s.Status == AlertStatus.Resolved), Arg.Any<CancellationToken>());
        });
        Assert.False(resolvedTooEarly);
    }

    [Theory]
    [InlineData("/alertmanager")]
    [InlineData("/grafana")]
    public async Task When_the_hub_fails_unexpectedly_the_sender_gets_503_so_it_retries_never_a_4xx(string path)
    {
        var hub = Substitute.For<IHelpDeskApi>();
        hub.ReportAlertAsync(Arg.Any<AlertSignal>(), Arg.Any<CancellationToken>()).ThrowsAsync(new NotSupportedException("The alert grain is not wired yet."));
        await using var harness = Harnesses.With(hub: hub);
        var (system, file, token) = path == "/alertmanager"
            ? ("alertmanager", "webhook-firing-two-alerts.json", Settings.AlertmanagerToken)
            : ("grafana", "webhook-firing.json", Settings.GrafanaToken);

        var response = await harness.ReceiveWebhookAsync(Webhooks.Request(path, HelpDesk.TestSupport.ContractFixtures.Bytes(system, file), Webhooks.Bearer(token)));

        Assert.Equal(503, response.StatusCode);
        Assert.Contains("retry", response.Detail, StringComparison.Ordinal);
        Assert.Equal("5", response.Headers["Retry-After"]);
    }

    [Fact]
    public async Task When_the_hub_refuses_a_signal_as_invalid_the_sender_gets_400_naming_the_field()
    {
        var hub = Substitute.For<IHelpDeskApi>();
        hub.ReportAlertAsync(Arg.Any<AlertSignal>(), Arg.Any<CancellationToken>()).ThrowsAsync(new HelpDeskApiException(HelpDeskApiError.Invalid, "summary", "summary contains control characters."));
        await using var harness = Harnesses.With(hub: hub);

        var response = await harness.ReceiveWebhookAsync(Webhooks.Request("/alertmanager", HelpDesk.TestSupport.ContractFixtures.Bytes("alertmanager", "webhook-truncated.json"), Webhooks.Bearer(Settings.AlertmanagerToken)));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("summary", response.Detail, StringComparison.Ordinal);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
