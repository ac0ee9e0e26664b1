namespace HelpDesk.Connectors.Monitoring.Prometheus;

/// <summary>
/// What Alertmanager's (version 4) and Grafana's (version 1) webhook payloads share: Grafana's unified alerting sends
/// the Alertmanager shape with a few fields more.
/// </summary>
internal abstract class PrometheusNotification
{
    public string? Version { get; init; }
    public string? GroupKey { get; init; }
    public int TruncatedAlerts { get; init; }
    public List<PrometheusAlert?>? Alerts { get; init; }
}
