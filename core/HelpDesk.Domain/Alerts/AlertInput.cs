using HelpDesk.Domain.Commands;

namespace HelpDesk.Domain.Alerts;

/// <summary>
/// Checks a report before anything is stored. Identity (source, key) must be exact, so it is refused when wrong; text
/// that only describes the alert is cut to size instead, because a monitoring system cannot be asked to write shorter.
/// </summary>
public static class AlertInput
{
    public const int Source = 128;
    public const int DedupKey = 255;
    public const int OccurrenceId = 255;
    public const int Labels = 64;
    public const int LabelName = 128;
    public const int LabelValue = 1_024;
    public const int Links = 20;
    public const int Group = 1_024;

    public static Rejection? Check(ReportAlert report)
    {
        var problem = TicketInput.SingleLine("source", report.Source, Source)
            ?? TicketInput.SingleLine("dedupKey", report.DedupKey, DedupKey)
            ?? TicketInput.Text("summary", report.Summary, int.MaxValue)
            ?? TicketInput.Text("details", report.Details, int.MaxValue, required: false)
            ?? TicketInput.SingleLine("occurrenceId", report.OccurrenceId, OccurrenceId, required: false)
            ?? TicketInput.Text("group", report.Group, Group, required: false);
        if (problem is not null)
        {
            return problem;
        }

        if (report.Labels.Count > Labels)
        {
            return Rejection.Invalid("labels", $"An alert has at most {Labels} labels; it has {report.Labels.Count}.");
        }

        foreach (var (name, value) in report.Labels)
        {
            if ((TicketInput.SingleLine("labels", name, LabelName) ?? TicketInput.Text($"labels.{name}", value, LabelValue, required: false)) is { } labelProblem)
            {
                return labelProblem;
            }
        }

        return report.Links.Count > Links
            ? Rejection.Invalid("links", $"An alert has at most {Links} links; it has {report.Links.Count}.")
            : report.Links.Select((link, i) => Link($"links[{i}]", link)).FirstOrDefault(p => p is not null);
    }

    /// <summary>The report with its descriptive text cut to what a ticket holds.</summary>
    public static ReportAlert Normalise(ReportAlert report) => report with
    {
        Source = report.Source.Trim(),
        DedupKey = report.DedupKey.Trim(),
        Summary = Cut(string.Join(' ', report.Summary.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), TicketLimits.Subject),
        Details = TicketInput.Blank(report.Details) is { } details ? Cut(details, TicketLimits.Body / 2) : null,
        Group = TicketInput.Blank(report.Group),
        OccurrenceId = TicketInput.Blank(report.OccurrenceId),
    };

    private static Rejection? Link(string field, AlertLink link) =>
        Uri.TryCreate(link.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && link.Url.Length <= TicketLimits.Url
            ? TicketInput.SingleLine($"{field}.text", link.Text, TicketLimits.Name, required: false)
            : Rejection.Invalid($"{field}.url", $"'{link.Url}' is not an absolute http(s) address of at most {TicketLimits.Url} characters.");

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
