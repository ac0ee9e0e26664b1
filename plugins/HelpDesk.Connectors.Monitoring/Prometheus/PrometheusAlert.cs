namespace HelpDesk.Connectors.Monitoring.Prometheus;

/// <summary>
/// One alert of an Alertmanager (v4) or Grafana (v1) webhook: Grafana's items are Alertmanager's plus the URLs and rule
/// id at the end. Everything is optional here and checked by <see cref="PrometheusAlertMapper"/>, so a missing field is
/// answered with its name.
/// </summary>
internal sealed class PrometheusAlert
{
    public string? Status { get; init; }
    public Dictionary<string, string?>? Labels { get; init; }
    public Dictionary<string, string?>? Annotations { get; init; }
    public string? StartsAt { get; init; }
    public string? EndsAt { get; init; }
    public string? GeneratorUrl { get; init; }
    public string? Fingerprint { get; init; }

    // Grafana only.
    public string? SilenceUrl { get; init; }
    public string? DashboardUrl { get; init; }
    public string? PanelUrl { get; init; }
    public string? ImageUrl { get; init; }
    public string? RuleUid { get; init; }
}
