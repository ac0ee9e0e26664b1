using HelpDesk.Connectors.Monitoring.Hosting;
using HelpDesk.Connectors.Monitoring.Mapping;
using HelpDesk.Sdk.Alerts;

namespace HelpDesk.Connectors.Monitoring.Generic;

/// <summary>The generic form as a signal: strict, since it is our own format and its senders can fix what they send.</summary>
internal static class GenericMapper
{
    public const int MaxDedupKeyLength = 255;
    public const int MaxOccurrenceIdLength = 255;

    public static (AlertSignal? Signal, string Problem) Map(GenericAlert? alert, string at, string defaultSource)
    {
        if (alert is null)
        {
            return (null, $"{(at.Length == 0 ? "body" : at.TrimEnd('.'))}: expected an alert object.");
        }

        var source = alert.Source ?? defaultSource;
        if (string.IsNullOrWhiteSpace(source) || source.Length > MonitoringOptions.MaxSourceLength || source.Any(char.IsControl))
        {
            return (null, $"{at}source: 1 to {MonitoringOptions.MaxSourceLength} characters on one line.");
        }

        if (string.IsNullOrWhiteSpace(alert.DedupKey) || alert.DedupKey.Length > MaxDedupKeyLength)
        {
            return (null, $"{at}dedupKey: required, 1 to {MaxDedupKeyLength} characters.");
        }

        AlertStatus? status = alert.Status switch
        {
            "firing" => AlertStatus.Firing,
            "acknowledged" => AlertStatus.Acknowledged,
            "resolved" => AlertStatus.Resolved,
            _ => null,
        };
        if (status is null)
        {
            return (null, $"{at}status: required, one of firing, acknowledged, resolved.");
        }

        var severity = AlertSeverity.Warning;
        if (alert.Severity is not null && !Severities.Exact.TryGetValue(alert.Severity, out severity))
        {
            return (null, $"{at}severity: one of {Severities.ExactNames}.");
        }

        if (string.IsNullOrWhiteSpace(alert.Summary))
        {
            return (null, $"{at}summary: required, not blank.");
        }

        DateTimeOffset? occurredAt = null;
        if (alert.OccurredAt is not null)
        {
            if (!Timestamps.TryParse(alert.OccurredAt, out var parsed))
            {
                return (null, $"{at}occurredAt: an ISO 8601 date-time with an offset, such as 2026-11-22T09:58:12Z.");
            }

            occurredAt = parsed;
        }

        if (alert.OccurrenceId is { } occurrence && (string.IsNullOrWhiteSpace(occurrence) || occurrence.Length > MaxOccurrenceIdLength))
        {
            return (null, $"{at}occurrenceId: 1 to {MaxOccurrenceIdLength} characters.");
        }

        var (links, linkProblem) = Links(alert.Links, at);
        if (links is null)
        {
            return (null, linkProblem);
        }

        return (new AlertSignal(source.Trim(), alert.DedupKey, status.Value, alert.Summary.Trim())
        {
            Severity = severity,
            Details = string.IsNullOrWhiteSpace(alert.Details) ? null : alert.Details,
            Labels = alert.Labels?.Where(l => l.Key.Length > 0 && l.Value is not null).ToDictionary(l => l.Key, l => l.Value!, StringComparer.Ordinal)
                ?? new Dictionary<string, string>(StringComparer.Ordinal),
            Links = links,
            OccurredAt = occurredAt,
            OccurrenceId = alert.OccurrenceId,
        }, "");
    }

    private static (IReadOnlyList<AlertLink>? Links, string Problem) Links(List<GenericLink?>? given, string at)
    {
        var links = new LinkList();
        for (var index = 0; index < (given?.Count ?? 0); index++)
        {
            if (given![index] is not { } link || !LinkList.IsUsable(link.Url))
            {
                return (null, $"{at}links[{index}].url: required, an absolute http(s) URL of at most {LinkList.MaxUrlLength} characters.");
            }

            links.Add(link.Url, link.Text);
        }

        return (links.Links, "");
    }
}
