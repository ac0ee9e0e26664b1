using HelpDesk.Sdk.Alerts;

namespace HelpDesk.Connectors.Monitoring.Prometheus;

/// <summary>All alerts of a notification as signals, or the first problem: nothing is reported from a payload with one.</summary>
internal static class NotificationSignals
{
    public static (IReadOnlyList<AlertSignal> Signals, string Problem) Map(IReadOnlyList<PrometheusAlert?>? alerts, AlertGroup group)
    {
        if (alerts is null)
        {
            return ([], "alerts: required, an array.");
        }

        if (group.TruncatedAlerts < 0)
        {
            return ([], "truncatedAlerts: may not be negative.");
        }

        var signals = new List<AlertSignal>(alerts.Count);
        for (var index = 0; index < alerts.Count; index++)
        {
            var (signal, problem) = PrometheusAlertMapper.Map(alerts[index], index, group);
            if (signal is null)
            {
                return ([], problem);
            }

            signals.Add(signal);
        }

        return (signals, "");
    }
}
