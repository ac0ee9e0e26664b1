using System.Globalization;
using System.Text;
using HelpDesk.Domain.Commands;

namespace HelpDesk.Domain.Alerts;

/// <summary>The Markdown an agent reads about an alert: what is wrong, its labels as a table, where to look next.</summary>
public static class AlertText
{
    /// <summary>
    /// At most <paramref name="max"/> characters: labels and links that would not fit are left out (and counted), so a
    /// report within every input limit still opens a ticket whose body has a limit too.
    /// </summary>
    public static string Description(ReportAlert report, int max = TicketLimits.Body)
    {
        var footer = Footer(report);
        var budget = max - footer.Length - LeftOutRoom;
        var leftOut = 0;
        var text = new StringBuilder().AppendLine(report.Summary);
        if (report.Details is { } details)
        {
            text.AppendLine().AppendLine(details);
        }

        if (report.Labels.Count > 0)
        {
            text.AppendLine().AppendLine("| Label | Value |").AppendLine("| --- | --- |");
            var rows = report.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"| {Cell(l.Key)} | {Cell(l.Value)} |");
            leftOut += AppendLines(text, rows, budget);
        }

        if (report.Links.Count > 0)
        {
            text.AppendLine();
            var lines = report.Links.Select(link => $"- [{Escape(link.Text ?? link.Url)}](<{link.Url.Replace(">", "%3E", StringComparison.Ordinal)}>)");
            leftOut += AppendLines(text, lines, budget);
        }

        if (leftOut > 0)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"({leftOut} more labels or links are not shown: they do not fit a ticket's description.)");
        }

        return text.AppendLine().Append(footer).AppendLine().ToString();
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

    // The blank lines and the sentence saying how many labels and links were left out.
    private const int LeftOutRoom = 128;

    private static int AppendLines(StringBuilder text, IEnumerable<string> lines, int budget)
    {
        var leftOut = 0;
        foreach (var line in lines)
        {
            if (text.Length + line.Length + Environment.NewLine.Length <= budget)
            {
                text.AppendLine(line);
            }
            else
            {
                leftOut++;
            }
        }

        return leftOut;
    }

    private static string Footer(ReportAlert report)
    {
        var footer = string.Create(CultureInfo.InvariantCulture,
            $"Reported by {Escape(report.Source)} · severity {AlertTickets.Name(report.Severity)} · alert key `{report.DedupKey.Replace("`", "'", StringComparison.Ordinal)}`");
        return report.OccurredAt is { } at ? string.Create(CultureInfo.InvariantCulture, $"{footer} · since {at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC") : footer;
    }

    private static string Times(int count) => count == 1 ? "once" : $"{count} times";

    private static string Cell(string value) => Escape(value).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    // Enough for labels and names to show as text rather than as Markdown they happen to contain. Backslashes first:
    // one left bare would escape the bracket or table pipe escaped after it.
    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}
