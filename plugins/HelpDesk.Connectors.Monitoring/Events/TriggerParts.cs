using HelpDesk.Connectors.Monitoring.Mapping;
using HelpDesk.Sdk.Alerts;

namespace HelpDesk.Connectors.Monitoring.Events;

/// <summary>What a trigger adds to its signal, read from <c>payload</c>, <c>links</c>, <c>images</c> and <c>client_url</c>.</summary>
internal sealed record TriggerParts(string Summary, AlertSeverity Severity, DateTimeOffset? OccurredAt, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<AlertLink> Links)
{
    public static TriggerParts? Read(PagerDutyEvent e, List<string> errors)
    {
        if (e.Payload is not { } payload)
        {
            errors.Add("'payload' is required to trigger");
            return null;
        }

        if (string.IsNullOrWhiteSpace(payload.Summary))
        {
            errors.Add("'payload.summary' is required");
        }

        if (string.IsNullOrWhiteSpace(payload.Source))
        {
            errors.Add("'payload.source' is required");
        }

        if (payload.Severity is null || !Severities.Exact.TryGetValue(payload.Severity, out var severity))
        {
            errors.Add($"'payload.severity' must be one of: {Severities.ExactNames}");
            severity = AlertSeverity.Warning;
        }

        DateTimeOffset? occurredAt = null;
        if (payload.Timestamp is not null)
        {
            if (Timestamps.TryParse(payload.Timestamp, out var timestamp))
            {
                occurredAt = timestamp;
            }
            else
            {
                errors.Add("'payload.timestamp' must be an ISO 8601 date-time");
            }
        }

        var links = LinksOf(e, errors);
        if (errors.Count > 0)
        {
            return null;
        }

        var summary = payload.Summary!.Trim();
        return new TriggerParts(summary.Length > EventsMapper.MaxSummaryLength ? summary[..EventsMapper.MaxSummaryLength] : summary, severity, occurredAt, LabelsOf(payload), links);
    }

    private static Dictionary<string, string> LabelsOf(EventPayload payload)
    {
        var labels = CustomDetails.ScalarLabels(payload.CustomDetails);
        foreach (var (name, value) in new[] { ("source", payload.Source), ("component", payload.Component), ("group", payload.Group), ("class", payload.Class) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                labels[name] = value.Trim();
            }
        }

        return labels;
    }

    private static IReadOnlyList<AlertLink> LinksOf(PagerDutyEvent e, List<string> errors)
    {
        var links = new LinkList();
        for (var index = 0; index < (e.Links?.Count ?? 0); index++)
        {
            if (e.Links![index] is not { Href: { Length: > 0 } href } link)
            {
                errors.Add($"'links[{index}].href' is required");
                continue;
            }

            links.Add(href, link.Text);
        }

        for (var index = 0; index < (e.Images?.Count ?? 0); index++)
        {
            if (e.Images![index] is not { Src: { Length: > 0 } src } image)
            {
                errors.Add($"'images[{index}].src' is required");
                continue;
            }

            links.Add(image.Href ?? src, image.Alt ?? "Image");
        }

        return links.Add(e.ClientUrl, e.Client ?? "Source").Links;
    }
}
