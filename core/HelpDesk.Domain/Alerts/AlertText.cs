using System.Globalization;
using System.Text;

namespace HelpDesk.Domain.Alerts;

/// <summary>The Markdown an agent reads about an alert: what is wrong, its labels as a table, where to look next.</summary>
public static class AlertText
{
    public static string Description(ReportAlert report)
    {
        var text = new StringBuilder().AppendLine(report.Summary);
        if (report.Details is { } details)
        {
            text.AppendLine().AppendLine(details);
        }

        if (report.Labels.Count > 0)
        {
            text.AppendLine().AppendLine("| Label | Value |").AppendLine("| --- | --- |");
            foreach (var (name, value) in report.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(name)} | {Cell(value)} |");
            }
        }

        if (report.Links.Count > 0)
        {
            text.AppendLine();
            foreach (var link in report.Links)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- [{Escape(link.Text ?? link.Url)}](<{link.Url.Replace(">", "%3E", StringComparison.Ordinal)}>)");
            }
        }

        text.AppendLine().Append(CultureInfo.InvariantCulture,
            $"Reported by {Escape(report.Source)} · severity {AlertTickets.Name(report.Severity)} · alert key `{report.DedupKey.Replace("`", "'", StringComparison.Ordinal)}`");
        if (report.OccurredAt is { } at)
        {
            text.Append(CultureInfo.InvariantCulture, $" · since {at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
        }

        return text.AppendLine().ToString();
    }

    public static string Resolved(AlertView alert) =>
        $"Alert resolved at {alert.Source}: {alert.Summary} (key {alert.DedupKey}, fired {Times(alert.Occurrences)}).";

    public static string FiringAgain(AlertView alert) =>
        $"Alert firing again at {alert.Source}: {alert.Summary} (key {alert.DedupKey}, fired {Times(alert.Occurrences)}).";

    public static string Acknowledged(AlertView alert) =>
        $"Alert acknowledged at {alert.Source}: {alert.Summary} (key {alert.DedupKey}).";

    public static string FlappingStarted(AlertView alert, TimeSpan window) =>
        $"Alert {alert.DedupKey} from {alert.Source} is flapping: {alert.RecentStateChanges} changes between firing and resolved within {window.TotalMinutes:0} minutes. "
        + "Further changes are recorded in the alert's history without notes or status changes until it settles.";

    public static string FlappingStopped(AlertView alert) =>
        $"Alert {alert.DedupKey} from {alert.Source} has settled ({AlertTickets.Name(alert.Status)}); its changes are announced again.";

    private static string Times(int count) => count == 1 ? "once" : $"{count} times";

    private static string Cell(string value) => Escape(value).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    // Enough for labels and names to show as text rather than as Markdown they happen to contain. Backslashes first:
    // one left bare would escape the bracket or table pipe escaped after it.
    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}
