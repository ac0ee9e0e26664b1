using HelpDesk.Connectors.Monitoring.Prometheus;

namespace HelpDesk.Connectors.Monitoring.Grafana;

/// <summary>
/// The parts of Grafana's webhook payload (version 1) that are read. <c>title</c> and <c>message</c> are templates a
/// user may change, so they are deliberately not read.
/// </summary>
internal sealed class GrafanaNotification : PrometheusNotification;
