using HelpDesk.Connectors.Monitoring.Mapping;
using HelpDesk.Sdk.Alerts;

namespace HelpDesk.Connectors.Monitoring.Events;

/// <summary>
/// A PagerDuty-style event as a signal, checked as PagerDuty checks it: every problem is listed, naming its field.
/// Triggers carry no occurrence id: each one counts, as at PagerDuty.
/// </summary>
internal static class EventsMapper
{
    public const int MaxSummaryLength = 1024;
    public const int MaxDedupKeyLength = 255;

    // "events:" + the key must fit the hub's 128-character source.
    private const int MaxRoutingKeyLength = 120;

    public static (AlertSignal? Signal, IReadOnlyList<string> Errors) Map(PagerDutyEvent e, Func<string> newDedupKey)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(e.RoutingKey) || e.RoutingKey.Length > MaxRoutingKeyLength || e.RoutingKey.Any(char.IsControl))
        {
            errors.Add($"'routing_key' is required (at most {MaxRoutingKeyLength} characters)");
        }

        AlertStatus? status = e.EventAction switch
        {
            "trigger" => AlertStatus.Firing,
            "acknowledge" => AlertStatus.Acknowledged,
            "resolve" => AlertStatus.Resolved,
            _ => null,
        };
        if (status is null)
        {
            errors.Add("'event_action' must be one of: trigger, acknowledge, resolve");
        }

        if (e.DedupKey is { } key && (key.Length is 0 or > MaxDedupKeyLength))
        {
            errors.Add($"'dedup_key' must be 1 to {MaxDedupKeyLength} characters");
        }
        else if (e.DedupKey is null && status is AlertStatus.Acknowledged or AlertStatus.Resolved)
        {
            errors.Add($"'dedup_key' is required to {e.EventAction}");
        }

        var trigger = status == AlertStatus.Firing ? TriggerParts.Read(e, errors) : null;
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var dedupKey = e.DedupKey ?? newDedupKey();
        var source = $"events:{e.RoutingKey}";
        if (trigger is null)
        {
            // Acknowledge and resolve carry no payload; the key is the only thing to show.
            return (new AlertSignal(source, dedupKey, status!.Value, dedupKey), errors);
        }

        return (new AlertSignal(source, dedupKey, AlertStatus.Firing, trigger.Summary)
        {
            Severity = trigger.Severity,
            Details = CustomDetails.Render(e.Payload!.CustomDetails),
            Labels = trigger.Labels,
            Links = trigger.Links,
            OccurredAt = trigger.OccurredAt,
        }, errors);
    }
}
