namespace HelpDesk.Connectors.Monitoring.Prometheus;

/// <summary>What a notification says about all its alerts: where they come from, their group, how many were left out.</summary>
/// <param name="Source">The configured source name.</param>
/// <param name="GroupKey">The notification's <c>groupKey</c>.</param>
/// <param name="TruncatedAlerts">Alerts of the group the sender left out (<c>max_alerts</c>).</param>
internal sealed record AlertGroup(string Source, string? GroupKey, int TruncatedAlerts);
