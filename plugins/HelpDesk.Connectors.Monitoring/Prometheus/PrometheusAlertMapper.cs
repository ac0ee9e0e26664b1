using HelpDesk.Connectors.Monitoring.Mapping;
using HelpDesk.Sdk.Alerts;

namespace HelpDesk.Connectors.Monitoring.Prometheus;

/// <summary>
/// Alertmanager's and Grafana's alerts as signals: one per <c>fingerprint</c>, labels as they are, the summary and
/// description annotations as text, the runbook, dashboard and rule pages as links.
/// </summary>
internal static class PrometheusAlertMapper
{
    public const int MaxDedupKeyLength = 255;

    // Annotation names in common use for a runbook and for a dashboard (kube-prometheus, Grafana, Sloth, Pyrra).
    private static readonly string[] RunbookAnnotations = ["runbook_url", "runbook"];
    private static readonly string[] DashboardAnnotations = ["dashboard_url", "dashboard", "grafana_url", "grafana_dashboard_url", "grafana"];

    public static (AlertSignal? Signal, string Problem) Map(PrometheusAlert? alert, int index, AlertGroup group)
    {
        var at = $"alerts[{index}]";
        if (alert is null)
        {
            return (null, $"{at}: expected an alert object.");
        }

        if (alert.Fingerprint is not { } fingerprint || string.IsNullOrWhiteSpace(fingerprint) || fingerprint.Length > MaxDedupKeyLength)
        {
            return (null, $"{at}.fingerprint: required, 1 to {MaxDedupKeyLength} characters.");
        }

        AlertStatus? status = alert.Status switch { "firing" => AlertStatus.Firing, "resolved" => AlertStatus.Resolved, _ => null };
        if (status is null)
        {
            return (null, $"{at}.status: must be \"firing\" or \"resolved\".");
        }

        if (!Timestamps.TryParse(alert.StartsAt, out var startsAt))
        {
            return (null, $"{at}.startsAt: required, an RFC 3339 date-time.");
        }

        DateTimeOffset? endsAt = null;
        if (!string.IsNullOrEmpty(alert.EndsAt))
        {
            if (!Timestamps.TryParse(alert.EndsAt, out var end))
            {
                return (null, $"{at}.endsAt: an RFC 3339 date-time.");
            }

            endsAt = Timestamps.IsUnset(end) ? null : end;
        }

        var labels = WithoutBlanks(alert.Labels);
        var annotations = WithoutBlanks(alert.Annotations);
        return (new AlertSignal(group.Source, fingerprint, status.Value, Summary(labels, annotations, fingerprint))
        {
            Severity = Severities.FromLabel(labels.GetValueOrDefault("severity")),
            Details = Details(annotations, group.TruncatedAlerts),
            Labels = labels,
            Links = Links(alert, annotations),
            OccurredAt = status == AlertStatus.Resolved && endsAt is { } resolvedAt ? resolvedAt : startsAt,
            OccurrenceId = OccurrenceIds.For(alert.Status!, startsAt, endsAt),
            Group = string.IsNullOrEmpty(alert.RuleUid) ? group.GroupKey : alert.RuleUid,
        }, "");
    }

    private static string Summary(Dictionary<string, string> labels, Dictionary<string, string> annotations, string fingerprint)
    {
        if (annotations.TryGetValue("summary", out var summary))
        {
            return summary;
        }

        var name = labels.GetValueOrDefault("alertname") ?? $"Alert {fingerprint}";
        return labels.TryGetValue("instance", out var instance) ? $"{name} on {instance}" : name;
    }

    private static string? Details(Dictionary<string, string> annotations, int truncatedAlerts)
    {
        var description = annotations.GetValueOrDefault("description") ?? annotations.GetValueOrDefault("message");
        if (truncatedAlerts <= 0)
        {
            return description;
        }

        var notice = $"{truncatedAlerts} more alert(s) of this group were left out of the notification by the sender's max_alerts setting; they are not reported here.";
        return description is null ? notice : $"{description}\n\n{notice}";
    }

    private static IReadOnlyList<AlertLink> Links(PrometheusAlert alert, Dictionary<string, string> annotations)
    {
        var links = new LinkList();
        foreach (var name in RunbookAnnotations)
        {
            links.Add(annotations.GetValueOrDefault(name), "Runbook");
        }

        links.Add(alert.DashboardUrl, "Dashboard").Add(alert.PanelUrl, "Panel");
        foreach (var name in DashboardAnnotations)
        {
            links.Add(annotations.GetValueOrDefault(name), "Dashboard");
        }

        return links.Add(alert.GeneratorUrl, "Source").Add(alert.SilenceUrl, "Silence").Add(alert.ImageUrl, "Image").Links;
    }

    private static Dictionary<string, string> WithoutBlanks(Dictionary<string, string?>? values) =>
        values?.Where(pair => !string.IsNullOrEmpty(pair.Key) && !string.IsNullOrEmpty(pair.Value)).ToDictionary(pair => pair.Key, pair => pair.Value!, StringComparer.Ordinal)
        ?? new Dictionary<string, string>(StringComparer.Ordinal);
}
