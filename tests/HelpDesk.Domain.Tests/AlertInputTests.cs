using HelpDesk.Domain.Alerts;
using HelpDesk.Domain.Commands;
using HelpDesk.Domain.Tickets;
using static HelpDesk.Domain.Tests.Builders;

namespace HelpDesk.Domain.Tests;

/// <summary>What a report must be before anything is stored, and how its descriptive text is cut to fit a ticket.</summary>
public sealed class AlertInputTests
{
    private static ReportAlert Report() => new(
        "alertmanager", "bef14209e40016bc", AlertStatus.Firing, "Checkout error rate above 5%", AlertSeverity.Critical, "5xx ratio is 7.4%.",
        new Dictionary<string, string> { ["service"] = "checkout", ["team"] = "payments" },
        [new AlertLink("https://runbooks.example.com/checkout", "Runbook")], OccurredAt: null, OccurrenceId: "n-1", Group: "checkout");

    [Fact]
    public void A_well_formed_report_passes()
    {
        Assert.Null(AlertInput.Check(Report()));
    }

    [Theory]
    [InlineData(" ", "bef14209e40016bc", "source")]
    [InlineData("", "bef14209e40016bc", "source")]
    [InlineData("alert\nmanager", "bef14209e40016bc", "source")]
    [InlineData("alertmanager", "", "dedupKey")]
    [InlineData("alertmanager", "  ", "dedupKey")]
    [InlineData("alertmanager", "bef14209\r\ne40016bc", "dedupKey")]
    public void A_blank_or_multi_line_identity_is_refused_by_name(string source, string key, string field)
    {
        var rejection = AlertInput.Check(Report() with { Source = source, DedupKey = key });

        Assert.Equal((RejectionKind.Invalid, field), (rejection?.Kind, rejection?.Field));
    }

    [Fact]
    public void Identity_longer_than_its_column_is_refused_rather_than_cut()
    {
        Assert.Equal("source", AlertInput.Check(Report() with { Source = new string('s', AlertInput.Source + 1) })?.Field);
        Assert.Null(AlertInput.Check(Report() with { Source = new string('s', AlertInput.Source) }));
        Assert.Equal("dedupKey", AlertInput.Check(Report() with { DedupKey = new string('k', AlertInput.DedupKey + 1) })?.Field);
    }

    [Fact]
    public void A_blank_summary_and_a_multi_line_occurrence_id_are_refused()
    {
        Assert.Equal("summary", AlertInput.Check(Report() with { Summary = " \n " })?.Field);
        Assert.Equal("occurrenceId", AlertInput.Check(Report() with { OccurrenceId = "a\nb" })?.Field);
    }

    [Fact]
    public void More_labels_than_allowed_are_refused_saying_how_many()
    {
        var labels = Enumerable.Range(0, AlertInput.Labels + 1).ToDictionary(i => $"l{i}", _ => "v");

        var rejection = AlertInput.Check(Report() with { Labels = labels });

        Assert.Equal("labels", rejection?.Field);
        Assert.Contains($"{AlertInput.Labels + 1}", rejection!.Message, StringComparison.Ordinal);
        Assert.Null(AlertInput.Check(Report() with { Labels = labels.Take(AlertInput.Labels).ToDictionary() }));
    }

    [Fact]
    public void A_label_value_with_control_characters_is_refused_naming_the_label()
    {
        var rejection = AlertInput.Check(Report() with { Labels = new Dictionary<string, string> { ["instance"] = "db-1\u0007" } });

        Assert.Equal("labels.instance", rejection?.Field);
    }

    [Theory]
    [InlineData("ftp://example.com/runbook")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/runbooks/checkout")]
    [InlineData("not a url")]
    public void A_link_that_is_not_an_absolute_http_address_is_refused_naming_its_index(string url)
    {
        var links = new List<AlertLink> { new("https://grafana.example.com/d/1", "Dashboard"), new(url, "Runbook") };

        var rejection = AlertInput.Check(Report() with { Links = links });

        Assert.Equal((RejectionKind.Invalid, "links[1].url"), (rejection?.Kind, rejection?.Field));
    }

    [Fact]
    public void A_multi_line_link_text_and_too_many_links_are_refused()
    {
        Assert.Equal("links[0].text", AlertInput.Check(Report() with { Links = [new AlertLink("https://example.com", "Run\nbook")] })?.Field);
        Assert.Equal("links", AlertInput.Check(Report() with
        {
            Links = [.. Enumerable.Range(0, AlertInput.Links + 1).Select(i => new AlertLink($"https://example.com/{i}", null))],
        })?.Field);
    }

    /// <summary>Details end up in the ticket's description, which refuses control characters: a report must not pass the check and then fail to open.</summary>
    [Fact]
    public void Details_with_control_characters_are_refused_naming_the_details()
    {
        var rejection = AlertInput.Check(Report() with { Details = "\u001b[31mERROR\u001b[0m disk full" });

        Assert.Equal((RejectionKind.Invalid, "details"), (rejection?.Kind, rejection?.Field));
    }

    [Fact]
    public void Normalise_collapses_whitespace_in_the_summary_and_cuts_it_to_a_subject()
    {
        var summary = AlertInput.Normalise(Report() with { Summary = "  Disk\n  almost \t full  " + new string('x', 400) }).Summary;

        Assert.Equal(TicketLimits.Subject, summary.Length);
        Assert.StartsWith("Disk almost full xxx", summary, StringComparison.Ordinal);
        Assert.EndsWith("x…", summary, StringComparison.Ordinal);
        Assert.Equal("Disk almost full", AlertInput.Normalise(Report() with { Summary = " Disk\r\n almost   full " }).Summary);
    }

    [Fact]
    public void A_summary_of_exactly_a_subject_is_kept_whole()
    {
        var summary = new string('x', TicketLimits.Subject);

        Assert.Equal(summary, AlertInput.Normalise(Report() with { Summary = summary }).Summary);
    }

    [Fact]
    public void Normalise_trims_the_identity_and_turns_blank_optional_text_into_null()
    {
        var report = AlertInput.Normalise(Report() with { Source = " alertmanager ", DedupKey = " k1 ", Details = "  ", Group = " ", OccurrenceId = "\t" });

        Assert.Equal(("alertmanager", "k1"), (report.Source, report.DedupKey));
        Assert.Equal((null, null, null), (report.Details, report.Group, report.OccurrenceId));
    }

    [Fact]
    public void Long_details_are_cut_to_half_a_ticket_body()
    {
        var details = AlertInput.Normalise(Report() with { Details = new string('d', TicketLimits.Body) }).Details;

        Assert.Equal(TicketLimits.Body / 2, details!.Length);
        Assert.EndsWith("…", details, StringComparison.Ordinal);
    }

    /// <summary>
    /// The contract between the alert's grain and the ticket: what passes the check, once normalised, opens a ticket. A
    /// report with every label and link at its limit is well formed, so its description must still fit a ticket's body.
    /// </summary>
    [Fact]
    public void A_report_at_every_limit_that_passes_the_check_opens_its_ticket()
    {
        var report = Report() with
        {
            Details = new string('d', TicketLimits.Body),
            Labels = Enumerable.Range(0, AlertInput.Labels).ToDictionary(i => $"{i:D3}{new string('n', AlertInput.LabelName - 3)}", _ => new string('v', AlertInput.LabelValue)),
            Links = [.. Enumerable.Range(0, AlertInput.Links).Select(i => new AlertLink($"https://example.com/{i}/{new string('p', TicketLimits.Url - 30)}", new string('t', TicketLimits.Name)))],
        };
        Assert.Null(AlertInput.Check(report));
        report = AlertInput.Normalise(report);
        var policy = new AlertPolicy();
        var view = new AlertView(report.Source, report.DedupKey, AlertStatus.Firing, 1, report.Severity, report.Summary, Now, false, 0);
        var state = new TicketState();

        var decision = Decider.OpenForAlert(state, 9, AlertTickets.ForAlert(report, policy), policy.QueueOf(report.Labels), view, policy, Agent, Now);
        var storm = Decider.Open(new TicketState(), 10, AlertTickets.ForStorm(report, policy), Agent, Now);

        Assert.Null(decision.Rejection);
        Assert.Null(storm.Rejection);
    }
}
