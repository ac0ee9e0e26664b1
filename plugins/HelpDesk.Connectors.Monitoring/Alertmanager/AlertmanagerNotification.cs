using HelpDesk.Connectors.Monitoring.Prometheus;

namespace HelpDesk.Connectors.Monitoring.Alertmanager;

/// <summary>The parts of Alertmanager's webhook payload (version 4) that are read; the rest is ignored.</summary>
internal sealed class AlertmanagerNotification : PrometheusNotification;
