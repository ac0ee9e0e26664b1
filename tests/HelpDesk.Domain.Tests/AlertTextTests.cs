using HelpDesk.Domain.Alerts;
using static HelpDesk.Domain.Tests.Builders;

namespace HelpDesk.Domain.Tests;

/// <summary>The Markdown an agent reads about an alert, and the notes its ticket gets.</summary>
public sealed class AlertTextTests
{
    private static ReportAlert Report(IReadOnlyDictionary<string, string>? labels = null, IReadOnlyList<AlertLink>? links = null) => new(
        "alertmanager", "bef14209e40016bc", AlertStatus.Firing, "Checkout error rate above 5%", AlertSeverity.Error, "5xx ratio is 7.4%.",
        labels ?? new Dictionary<string, string>(), links ?? [], OccurredAt: null, OccurrenceId: null, Group: null);

    private static AlertView View(int occurrences) =>
        new("alertmanager", "bef14209e40016bc", AlertStatus.Resolved, occurrences, AlertSeverity.Error, "Checkout error rate above 5%", Now, false, 2);

    /// <summary>The cells of each table row, split where GitHub Flavored Markdown splits them: at a pipe not escaped by a backslash.</summary>
    private static List<List<string>> TableRows(string markdown)
    {
        var rows = new List<List<string>>();
        foreach (var line in markdown.Split('\n').Where(l => l.StartsWith('|')))
        {
            var cells = new List<string>();
            var cell = new System.Text.StringBuilder();
            for (var i = 1; i < line.Length; i++)
            {
                if (line[i] == '\\' && i + 1 < line.Length)
                {
                    cell.Append(line[i]).Append(line[++i]);
                }
                else if (line[i] == '|')
                {
                    cells.Add(cell.ToString().Trim());
                    cell.Clear();
                }
                else
                {
                    cell.Append(line[i]);
                }
            }

            rows.Add(cells);
        }

        return rows;
    }

    [Fact]
    public void The_description_starts_with_the_summary_then_the_details()
    {
        var description = AlertText.Description(Report());

        Assert.StartsWith("Checkout error rate above 5%\n\n5xx ratio is 7.4%.\n", description.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_are_a_table_sorted_by_name_with_pipes_and_line_breaks_escaped()
    {
        var description = AlertText.Description(Report(new Dictionary<string, string>
        {
            ["team"] = "payments",
            ["expr"] = "rate(a[5m]) > 1 | b",
            ["note"] = "two\nlines",
        }));

        var rows = TableRows(description.ReplaceLineEndings("\n"));

        Assert.Equal(["Label", "Value"], rows[0]);
        Assert.Equal(["expr", @"rate(a\[5m\]) > 1 \| b"], rows[2]);
        Assert.Equal(["note", "two lines"], rows[3]);
        Assert.Equal(["team", "payments"], rows[4]);
        Assert.All(rows, r => Assert.Equal(2, r.Count));
    }

    /// <summary>A backslash before a pipe in a value must not turn the escaping backslash into a literal one and split the cell.</summary>
    [Fact]
    public void A_backslash_in_a_label_keeps_its_row_at_two_cells()
    {
        var description = AlertText.Description(Report(new Dictionary<string, string> { ["path"] = @"C:\logs\|x", ["dir"] = @"D:\" }));

        var rows = TableRows(description.ReplaceLineEndings("\n"));

        Assert.All(rows, r => Assert.Equal(2, r.Count));
        Assert.Equal(["dir", @"D:\\"], rows[2]);
    }

    [Fact]
    public void Without_labels_there_is_no_table()
    {
        Assert.DoesNotContain("| Label | Value |", AlertText.Description(Report()), StringComparison.Ordinal);
    }

    [Fact]
    public void Links_are_markdown_links_named_by_their_text_or_else_their_address()
    {
        var description = AlertText.Description(Report(links:
        [
            new AlertLink("https://runbooks.example.com/checkout", "Runbook [v2]"),
            new AlertLink("https://grafana.example.com/d/x?a=1&b=<2>", null),
        ]));

        Assert.Contains(@"- [Runbook \[v2\]](<https://runbooks.example.com/checkout>)", description, StringComparison.Ordinal);
        Assert.Contains("- [https://grafana.example.com/d/x?a=1&b=<2>](<https://grafana.example.com/d/x?a=1&b=<2%3E>)", description, StringComparison.Ordinal);
    }

    /// <summary>A trailing backslash in a link's text must not escape the closing bracket and break the link.</summary>
    [Fact]
    public void A_backslash_in_a_links_text_does_not_break_the_link()
    {
        var description = AlertText.Description(Report(links: [new AlertLink("https://files.example.com/", @"C:\")]));

        Assert.Contains(@"- [C:\\](<https://files.example.com/>)", description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_last_line_names_the_source_the_severity_the_key_and_when_it_started()
    {
        var description = AlertText.Description(Report() with { DedupKey = "key`with`ticks", OccurredAt = new DateTimeOffset(2026, 11, 22, 10, 0, 5, TimeSpan.FromHours(2)) });

        Assert.EndsWith(
            "Reported by alertmanager · severity error · alert key `key'with'ticks` · since 2026-11-22 08:00:05 UTC",
            description.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_time_the_last_line_says_nothing_about_since()
    {
        Assert.EndsWith("severity error · alert key `bef14209e40016bc`", AlertText.Description(Report()).TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_count_firings_in_words_once_and_in_digits_after()
    {
        Assert.Equal(
            "Alert resolved at alertmanager: Checkout error rate above 5% (key bef14209e40016bc, fired once).",
            AlertText.Resolved(View(1)));
        Assert.Equal(
            "Alert firing again at alertmanager: Checkout error rate above 5% (key bef14209e40016bc, fired 3 times).",
            AlertText.FiringAgain(View(3)));
    }

    [Fact]
    public void The_flapping_note_says_how_many_changes_within_how_many_minutes()
    {
        var note = AlertText.FlappingStarted(View(2), TimeSpan.FromMinutes(30));

        Assert.StartsWith("Alert bef14209e40016bc from alertmanager is flapping: 2 changes between firing and resolved within 30 minutes.", note, StringComparison.Ordinal);
        Assert.Contains("(resolved)", AlertText.FlappingStopped(View(2)), StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_that_would_overflow_the_description_are_left_out_and_counted_but_the_last_line_stays()
    {
        var labels = Enumerable.Range(0, AlertInput.Labels).ToDictionary(i => $"l{i:D2}", _ => new string('|', AlertInput.LabelValue));

        var description = AlertText.Description(Report(labels), max: 20_000);

        Assert.True(description.Length <= 20_000, $"{description.Length} characters");
        Assert.Contains("| l00 |", description, StringComparison.Ordinal);
        Assert.DoesNotContain("| l63 |", description, StringComparison.Ordinal);
        Assert.Matches(@"\((\d+) more labels or links are not shown", description);
        Assert.EndsWith("alert key `bef14209e40016bc`", description.TrimEnd(), StringComparison.Ordinal);
    }
}
