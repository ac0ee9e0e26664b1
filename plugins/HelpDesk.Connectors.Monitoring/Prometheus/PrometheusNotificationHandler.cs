using HelpDesk.Connectors.Monitoring.Reporting;
using HelpDesk.Sdk.Capabilities;
using Microsoft.Extensions.Logging;

namespace HelpDesk.Connectors.Monitoring.Prometheus;

/// <summary>Checks an authenticated Alertmanager-shaped notification whole, then reports every alert in it.</summary>
internal static class PrometheusNotificationHandler
{
    /// <param name="sender">The sender's name for messages (<c>Alertmanager</c>).</param>
    /// <param name="version">The payload version the sender writes.</param>
    public static async Task<WebhookResponse> ReportAsync(
        PrometheusNotification notification, string sender, string version, string source, SignalReporter reporter, ILogger logger, CancellationToken cancellationToken)
    {
        if (notification.Version != version)
        {
            return WebhookResponse.BadRequest($"version: must be \"{version}\" ({sender}'s webhook payload), got {(notification.Version is null ? "none" : $"\"{notification.Version}\"")}.");
        }

        var group = new AlertGroup(source, notification.GroupKey, notification.TruncatedAlerts);
        var (signals, invalid) = NotificationSignals.Map(notification.Alerts, group);
        if (invalid.Length > 0)
        {
            return WebhookResponse.BadRequest(invalid);
        }

        if (group.TruncatedAlerts > 0)
        {
            logger.LogWarning(
                "{Sender} left {Truncated} alert(s) of group {GroupKey} out of its notification (max alerts); {Included} reported",
                sender, group.TruncatedAlerts, group.GroupKey, signals.Count);
        }

        return Answers.ForPrometheusSender(await reporter.ReportAsync(signals, cancellationToken));
    }
}
